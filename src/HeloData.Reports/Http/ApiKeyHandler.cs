using System.Net.Http.Headers;

namespace HeloData.Reports;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;API key&gt;</c> to each attempt of a request to the API host. It is
/// the only place the key is put on the wire; the download host's client never has this handler.
/// </summary>
/// <remarks>
/// It runs inside the resilience pipeline, once per attempt. When the network layer follows a
/// redirect it rewrites the request's URI (and drops the header); <see cref="ResilienceHandler"/>
/// starts each retry again from the original URI, and the key is only ever attached for the API
/// host's own scheme, host and port.
/// </remarks>
internal sealed class ApiKeyHandler : DelegatingHandler
{
    /// <summary>Wire assumption: the authentication scheme.</summary>
    internal const string Scheme = "Bearer";

    private readonly AuthenticationHeaderValue _header;
    private readonly Uri _apiHost;

    public ApiKeyHandler(string apiKey, Uri apiBaseAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(apiBaseAddress);
        _header = new AuthenticationHeaderValue(Scheme, apiKey);
        _apiHost = apiBaseAddress;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = IsApiHost(request.RequestUri) ? _header : null;
        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(ApiKeyHandler)} ({Scheme} ***)";

    // Scheme, host and port compared piecewise: Uri.Compare would build two strings on every attempt.
    private bool IsApiHost(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && uri.Port == _apiHost.Port
        && string.Equals(uri.Scheme, _apiHost.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _apiHost.IdnHost, StringComparison.OrdinalIgnoreCase);
}
