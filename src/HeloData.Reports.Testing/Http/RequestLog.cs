using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace HeloData.Reports.Testing.Http;

/// <summary>Every request either host received, in order.</summary>
internal sealed class RequestLog(TimeProvider time)
{
    private readonly ConcurrentQueue<SandboxRequest> _entries = new();

    public IReadOnlyList<SandboxRequest> Entries => _entries.ToArray();

    public void Add(string host, HttpRequest request, string? body, int status) =>
        _entries.Enqueue(new SandboxRequest(host, request.Method, request.RawTarget(), request.HasAuthorization(), status, body, time.GetUtcNow()));

    public void Clear() => _entries.Clear();
}
