using System.Net.Http.Headers;

namespace HeloData.Reports.Http;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;API key&gt;</c> to every request to the API host. It is the only
/// place the key is put on the wire; the download host's client never has this handler.
/// </summary>
internal sealed class ApiKeyHandler : DelegatingHandler
{
    /// <summary>Wire assumption: the authentication scheme.</summary>
    internal const string Scheme = "Bearer";

    private readonly AuthenticationHeaderValue _header;

    public ApiKeyHandler(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _header = new AuthenticationHeaderValue(Scheme, apiKey);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(ApiKeyHandler)} ({Scheme} ***)";
}
