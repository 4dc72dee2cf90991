using Refit;

namespace HeloData.Reports;

/// <summary>
/// The one way to the API host. Every call of the client, every poll of a wait and every download's
/// URL refresh goes through <see cref="SendAsync"/>: a Refit client over the factory's current
/// <see cref="HttpClient"/> sends the request; every outcome becomes the answer or a
/// <see cref="ReportsException"/>; the answer must keep the contract (<see cref="ResponseRules"/>); and
/// one telemetry scope covers it all. Nothing here calls back up into the client.
/// </summary>
/// <param name="httpClients">Hands out the SDK's named client, taken once and kept (see <see cref="Api"/>).</param>
/// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
internal sealed class ReportsTransport(IHttpClientFactory httpClients, TimeProvider timeProvider)
{
    /// <summary>The most characters of an error body Refit reads; a hostile body cannot exhaust memory.</summary>
    internal const int MaxErrorBodyLength = 16 * 1024;

    private static readonly RefitSettings Settings = CreateSettings();

    private readonly TimeProvider _timeProvider = timeProvider;
    private IReportsApi? _api;

    // One HttpClient and one Refit client for the transport's life, as the framework advises for a
    // long-lived client: the registration makes its handler live for ever and has the primary handler
    // recycle pooled connections instead, so DNS changes are still seen (ReportsClientDefaults.PooledConnectionLifetime).
    // A race here only builds one client too many.
    private IReportsApi Api => _api ??= RestService.ForGenerated<IReportsApi>(httpClients.CreateClient(ReportsClientDefaults.HttpClientName), Settings);

    /// <summary>Sends one request as <paramref name="operation"/> and returns its checked answer.</summary>
    /// <param name="operation">What the call is, for telemetry and messages.</param>
    /// <param name="call">The Refit method to call, static, with its arguments in <paramref name="state"/>.</param>
    /// <param name="state">The call's arguments.</param>
    /// <param name="ids">The report and run the call concerns, for its span.</param>
    /// <param name="cancellationToken">The caller's token; a cancellation stays an <see cref="OperationCanceledException"/>.</param>
    public async Task<Answer<TResult>> SendAsync<TState, TResult>(
        ReportsOperation operation,
        Func<IReportsApi, TState, CancellationToken, Task<IApiResponse<TResult>>> call,
        TState state,
        (string? ReportId, string? RunId) ids,
        CancellationToken cancellationToken)
    {
        // The scope by hand rather than through OperationScope.TraceAsync: every call and every poll
        // passes here, and a second async frame per call is what the per-call target counts.
        var scope = OperationScope.Start(operation, ids.ReportId, ids.RunId);
        try
        {
            using var response = await SendCoreAsync(operation, call, state, cancellationToken).ConfigureAwait(false);
            var value = ContentOf(operation, response, cancellationToken);
            scope.AddRequestId(response.Headers);
            scope.AddIdsOf(value);
            scope.Succeeded();
            return new Answer<TResult>(value, RetryAfter.From(response.Headers, _timeProvider));
        }
        catch (Exception exception) when (scope.Failed(exception))
        {
            throw; // Never reached: Failed records the failure and lets it pass.
        }
    }

    // The context's own options (snake_case, converters) drive serialization; reflection stays off.
    // Buffered request bodies carry Content-Length and can be replayed by a retry.
    private static RefitSettings CreateSettings()
    {
        var settings = RefitSettings.ForJsonContext(ReportsJsonContext.Default);
        settings.Buffered = true;
        settings.MaxExceptionContentLength = MaxErrorBodyLength;
        return settings;
    }

    // Refit answers a transport failure as a response with no status and the failure inside; a
    // thrown exception is mapped the same way, so nothing but a ReportsException leaves.
    private async Task<IApiResponse<TResult>> SendCoreAsync<TState, TResult>(
        ReportsOperation operation,
        Func<IReportsApi, TState, CancellationToken, Task<IApiResponse<TResult>>> call,
        TState state,
        CancellationToken cancellationToken)
    {
        IApiResponse<TResult> response;
        try
        {
            response = await call(Api, state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (ErrorMapper.TryMapException(operation.DisplayName, exception, cancellationToken, out var mapped, operation.IsIdempotent))
        {
            throw mapped;
        }

        if (response.StatusCode is not null && response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode is null && response.Error is { } failure)
            {
                if (ErrorMapper.TryMapException(operation.DisplayName, failure, cancellationToken, out var mapped, operation.IsIdempotent))
                {
                    throw mapped;
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            throw ErrorMapper.FromErrorResponse(operation.DisplayName, response, operation.IsIdempotent, _timeProvider);
        }
    }

    // Refit reads the body after the headers: a body cut short, or a cancellation while it is read, is
    // a transport failure or a cancellation, as it would be before the headers, not an unreadable answer.
    private static TResult ContentOf<TResult>(ReportsOperation operation, IApiResponse<TResult> response, CancellationToken cancellationToken)
    {
        if (response.Error is { } error
            && ErrorMapper.IsTransportFailure(error)
            && ErrorMapper.TryMapException(operation.DisplayName, error, cancellationToken, out var mapped, operation.IsIdempotent))
        {
            throw mapped;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (response.Error is not null || response.Content is not { } content)
        {
            throw ErrorMapper.InvalidResponse(operation.DisplayName, response, operation.IsIdempotent, response.Error);
        }

        return ResponseRules.FindProblem(content) is { } problem
            ? throw ErrorMapper.InvalidResponse(operation.DisplayName, response, operation.IsIdempotent, problem)
            : content;
    }
}

/// <summary>A checked answer: the model, and the <c>Retry-After</c> that came with it, if any (a poll's next delay).</summary>
internal readonly record struct Answer<T>(T Value, TimeSpan? RetryAfter);
