using System.Collections.Concurrent;
using WireMock;

namespace HeloData.Reports.Testing.State;

/// <summary>Every request either host received, in order.</summary>
internal sealed class RequestLog(TimeProvider time)
{
    private readonly ConcurrentQueue<SandboxRequest> _entries = new();

    public IReadOnlyList<SandboxRequest> Entries => _entries.ToArray();

    public void Add(string host, IRequestMessage request, int status)
    {
        var uri = new Uri(request.Url);
        var hadAuthorization = request.Headers?.Keys.Any(k => string.Equals(k, "Authorization", StringComparison.OrdinalIgnoreCase)) == true;
        _entries.Enqueue(new SandboxRequest(host, request.Method, uri.PathAndQuery, hadAuthorization, status, request.Body, time.GetUtcNow()));
    }

    public void Clear() => _entries.Clear();
}
