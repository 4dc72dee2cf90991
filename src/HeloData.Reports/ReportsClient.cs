using System.Runtime.CompilerServices;
using HeloData.Reports.Api;
using HeloData.Reports.DependencyInjection;
using HeloData.Reports.Diagnostics;
using HeloData.Reports.Errors;
using HeloData.Reports.Http;
using HeloData.Reports.Models;
using HeloData.Reports.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace HeloData.Reports;

/// <summary>
/// The HeloData Reports API client. Thread-safe: create one and share it. Register it with
/// <c>services.AddHeloReports(...)</c>, or build it directly from an API key for scripts and tools.
/// </summary>
/// <remarks>
/// Members are virtual and a protected constructor exists, so the client can be mocked as a class
/// as well as through <see cref="IReportsClient"/>.
/// </remarks>
public partial class ReportsClient : IReportsClient, IDisposable
{
    private readonly ReportsApiSource _api = null!;
    private readonly Func<HttpClient> _downloadClient = null!;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly TimeSpan _downloadIdleTimeout = HeloReportsDefaults.DownloadIdleTimeout;
    private readonly HttpClient? _ownedHttpClient;
    private readonly HttpClient? _ownedDownloadClient;

    /// <summary>Creates a client that talks to the service with <paramref name="apiKey"/> and the default settings, without dependency injection.</summary>
    /// <param name="apiKey">The HeloData API key.</param>
    /// <exception cref="ArgumentException">The key is missing; the message says so.</exception>
    /// <remarks>This client owns its HTTP connections: dispose it when done.</remarks>
    public ReportsClient(string apiKey)
        : this(apiKey, options: null)
    {
    }

    /// <summary>Creates a client without dependency injection.</summary>
    /// <param name="apiKey">The HeloData API key.</param>
    /// <param name="options">Further settings; <see cref="HeloReportsOptions.ApiKey"/> in them is ignored in favour of <paramref name="apiKey"/>.</param>
    /// <param name="loggerFactory">Where the SDK's Debug line per HTTP attempt goes; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for timeouts and retry delays; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">The key is missing or a setting is invalid; the message names it.</exception>
    /// <remarks>This client owns its HTTP connections: dispose it when done.</remarks>
    public ReportsClient(string apiKey, HeloReportsOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        var settings = Copy(options ?? new HeloReportsOptions(), apiKey);
        if (string.IsNullOrEmpty(apiKey) || HeloReportsOptionsValidator.ApiKeyProblem(apiKey) is not null)
        {
            // The key's own message names the setting, never the key.
            throw new ArgumentException(
                string.IsNullOrEmpty(apiKey) ? "HeloReportsOptions.ApiKey is required: set it to your HeloData API key." : HeloReportsOptionsValidator.ApiKeyProblem(apiKey),
                nameof(apiKey));
        }

        var result = HeloReportsOptionsValidator.Instance.Validate(null, settings);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        _timeProvider = timeProvider ?? TimeProvider.System;
        _ownedHttpClient = StandaloneHttpClient.Create(settings, _timeProvider, loggerFactory);
        _ownedDownloadClient = StandaloneHttpClient.CreateForDownloads(_timeProvider, loggerFactory);
        _api = StandaloneHttpClient.CreateSource(_ownedHttpClient);
        _downloadIdleTimeout = settings.DownloadIdleTimeout;
        var downloads = _ownedDownloadClient;
        _downloadClient = () => downloads;
    }

    /// <summary>For mocking frameworks only: a client whose members must all be overridden.</summary>
    protected ReportsClient()
    {
    }

    internal ReportsClient(ReportsApiSource api, Func<HttpClient> downloadClient, TimeProvider timeProvider, TimeSpan downloadIdleTimeout)
    {
        _api = api;
        _downloadClient = downloadClient;
        _timeProvider = timeProvider;
        _downloadIdleTimeout = downloadIdleTimeout;
    }

    /// <summary>Where this client gets its wire client from (for tests of the DI wiring).</summary>
    internal ReportsApiSource ApiSource => _api;

    /// <inheritdoc />
    public virtual Task<Report> CreateReportAsync(NewReport report, CancellationToken cancellationToken = default)
    {
        Argument.AssertNewReport(report, nameof(report));
        return SendAsync(ReportsOperation.CreateReport, static (api, report, ct) => api.CreateReportAsync(report, ct), report, reportId: null, runId: null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<Report> GetReportAsync(string reportId, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(reportId, nameof(reportId));
        return SendAsync(ReportsOperation.GetReport, static (api, id, ct) => api.GetReportAsync(id, ct), reportId, reportId: reportId, runId: null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<Report> UpdateReportAsync(string reportId, ReportUpdate update, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(reportId, nameof(reportId));
        Argument.AssertUpdate(update, nameof(update));
        return SendAsync(ReportsOperation.UpdateReport, static (api, args, ct) => api.UpdateReportAsync(args.reportId, args.update, ct), (reportId, update), reportId: reportId, runId: null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task DeleteReportAsync(string reportId, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(reportId, nameof(reportId));
        return DeleteCoreAsync(reportId, cancellationToken);
    }

    private async Task DeleteCoreAsync(string reportId, CancellationToken cancellationToken)
    {
        var operation = ReportsOperation.DeleteReport;
        var scope = OperationScope.Start(operation, reportId);
        try
        {
            using var response = await SendCoreAsync(scope, operation, static (api, id, ct) => api.DeleteReportAsync(id, ct), reportId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            scope.Failed(exception);
            throw;
        }

        scope.Succeeded();
    }

    /// <inheritdoc />
    public virtual Task<ReportList> ListReportsAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        return SendAsync(ReportsOperation.ListReports, static (api, args, ct) => api.ListReportsAsync(args.limit, args.cursor, ct), (limit, cursor), reportId: null, runId: null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async IAsyncEnumerable<Report> ListAllReportsAsync(int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Every cursor of this enumeration: one handed out twice (A→B→A as well as A→A) would loop for ever.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await ListReportsAsync(pageSize, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var report in page.Reports)
            {
                yield return report;
            }

            cursor = page.NextCursor;
            if (cursor is not null && !seen.Add(cursor))
            {
                throw new ReportsException(
                    $"List reports failed: the service returned the next_cursor \"{ValueText.Escape(cursor)}\" a second time, so the pages would repeat for ever.",
                    ReportsErrorCode.InvalidResponse);
            }
        }
        while (cursor is not null);
    }

    /// <inheritdoc />
    public virtual Task<RunAccepted> RunAsync(string reportId, RunWindow? window = null, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(reportId, nameof(reportId));
        Argument.AssertWindow(window, nameof(window));
        return SendAsync(ReportsOperation.RunReport, static (api, args, ct) => api.RunReportAsync(args.reportId, args.window ?? new RunWindow(), ct), (reportId, window), reportId: reportId, runId: null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ReportRun> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(runId, nameof(runId));
        return SendAsync(ReportsOperation.GetRun, static (api, id, ct) => api.GetRunAsync(id, ct), runId, reportId: null, runId: runId, cancellationToken);
    }

    /// <summary>Releases the HTTP connections of a client built without dependency injection.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP connections this client owns.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
            _ownedDownloadClient?.Dispose();
        }
    }

    // One span and one measurement per call, around the sending and the reading of the body alike.
    private async Task<TResult> SendAsync<TState, TResult>(
        ReportsOperation operation,
        Func<IReportsApi, TState, CancellationToken, Task<IApiResponse<TResult>>> call,
        TState state,
        string? reportId,
        string? runId,
        CancellationToken cancellationToken)
    {
        var scope = OperationScope.Start(operation, reportId, runId);
        TResult result;
        try
        {
            using var response = await SendCoreAsync(scope, operation, call, state, cancellationToken).ConfigureAwait(false);
            result = ContentOf(operation, response, cancellationToken);
        }
        catch (Exception exception)
        {
            scope.Failed(exception);
            throw;
        }

        scope.Succeeded(result);
        return result;
    }

    // The body must also keep the contract (ResponseRules): a run without its id or status is as unusable as no body.
    // Refit reads the body after the headers: a body cut short or a cancellation there is a transport
    // failure or a cancellation, as it would be before the headers, not an unreadable answer.
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

    // Every operation goes through here: one place turns Refit's responses and every transport
    // failure into a success response or a ReportsException, and puts a success's request id on the
    // operation's span (a failure's travels in its ReportsException). Static lambdas plus state avoid closures.
    // A ValueTask: on the polling path the call often completes at once, and then costs no Task.
    private async ValueTask<TResponse> SendCoreAsync<TState, TResponse>(
        OperationScope scope,
        ReportsOperation operation,
        Func<IReportsApi, TState, CancellationToken, Task<TResponse>> call,
        TState state,
        CancellationToken cancellationToken)
        where TResponse : IApiResponse
    {
        TResponse response;
        try
        {
            response = await call(_api.Get(), state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (ErrorMapper.TryMapException(operation.DisplayName, exception, cancellationToken, out var mapped, operation.IsIdempotent))
        {
            throw mapped;
        }

        if (response.StatusCode is not null && response.IsSuccessStatusCode)
        {
            scope.AddRequestId(response.Headers);
            return response;
        }

        using (response)
        {
            // No status at all means the request never got an answer: a transport failure.
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

    private static HeloReportsOptions Copy(HeloReportsOptions options, string apiKey) => new()
    {
        ApiKey = apiKey,
        BaseAddress = options.BaseAddress,
        AttemptTimeout = options.AttemptTimeout,
        TotalTimeout = options.TotalTimeout,
        MaxRetryAttempts = options.MaxRetryAttempts,
        RetryBaseDelay = options.RetryBaseDelay,
        MaxRetryAfter = options.MaxRetryAfter,
        DownloadIdleTimeout = options.DownloadIdleTimeout,
    };
}
