namespace HeloData.Reports.Tests.Support;

/// <summary>
/// Lets the first request reach the server, which acts on it, then loses the answer: that attempt
/// times out. Every later request passes. Added to the client with <c>AddHttpMessageHandler</c>, so it
/// sits inside the resilience handler and sees each attempt.
/// </summary>
internal sealed class FirstAnswerLost : DelegatingHandler
{
    private int _calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Interlocked.Increment(ref _calls) == 1)
        {
            response.Dispose();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return response;
    }
}
