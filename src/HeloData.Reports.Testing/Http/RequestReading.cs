using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HeloData.Reports.Testing.Http;

/// <summary>What the hosts read of a request, the same way for both.</summary>
internal static class RequestReading
{
    /// <summary>
    /// The path and query exactly as the client sent them. Kestrel's <c>Path</c> is already
    /// unescaped (all but <c>%2F</c>), which would blur an id holding <c>%</c> or <c>/</c>; the hosts
    /// split the raw path into segments and unescape each one, as a real service would.
    /// </summary>
    public static string RawTarget(this HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return raw is not null && raw.StartsWith('/') ? raw : request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
    }

    public static string RawPath(this HttpRequest request)
    {
        var target = request.RawTarget();
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }

    public static string? QueryValue(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public static bool HasAuthorization(this HttpRequest request) => request.Headers.ContainsKey("Authorization");

    /// <summary>The body as UTF-8 text; <see langword="null"/> when there is none.</summary>
    public static async Task<string?> ReadBodyAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return text.Length == 0 ? null : text;
    }
}
