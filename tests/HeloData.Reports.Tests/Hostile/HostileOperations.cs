using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>Every public operation of the client, as a hostile test calls it.</summary>
public enum Operation
{
    CreateReport,
    GetReport,
    UpdateReport,
    DeleteReport,
    ListReports,
    ListAllReports,
    Run,
    GetRun,
    WaitForCompletion,
    RunAndWait,
    OpenRead,
    Download,
    DownloadToFile,
}

/// <summary>Calls an <see cref="Operation"/> through the public API, and checks what it returns.</summary>
internal static class HostileOperations
{
    /// <summary>Short enough that waits which never end cost a second, long enough that a busy loop shows in the poll count.</summary>
    public static WaitForCompletionOptions WaitOptions => new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(10),
        MinPollInterval = TimeSpan.FromMilliseconds(25),
        MaxPollInterval = TimeSpan.FromMilliseconds(50),
        MaxWait = TimeSpan.FromSeconds(1),
    };

    public const int MaxRetryAttempts = 3;

    public static bool IsDownload(Operation operation) => operation >= Operation.OpenRead;

    public static bool IsWait(Operation operation) => operation is Operation.WaitForCompletion or Operation.RunAndWait;

    public static Targets Needs(Operation operation) => operation switch
    {
        Operation.CreateReport or Operation.GetReport or Operation.UpdateReport => Targets.Report,
        Operation.DeleteReport => Targets.Delete,
        Operation.ListReports or Operation.ListAllReports => Targets.List,
        Operation.Run => Targets.Accepted,
        Operation.GetRun or Operation.WaitForCompletion => Targets.Run,
        Operation.RunAndWait => Targets.Accepted | Targets.Run,
        _ => Targets.DownloadHost | Targets.DownloadUrl,
    };

    /// <summary>A client tuned for speed: retries a millisecond apart, so a retried status costs no real time.</summary>
    public static ReportsClient NewClient(HostileServer server) => new(new ReportsClientOptions
    {
        ApiKey = "hd_test_key",
        BaseAddress = server.ApiBase,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryAttempts = MaxRetryAttempts,
        AttemptTimeout = TimeSpan.FromSeconds(2),
        TotalTimeout = TimeSpan.FromSeconds(5),
        DownloadIdleTimeout = TimeSpan.FromSeconds(2),
    });

    /// <summary>Runs <paramref name="operation"/> to its very end (lists enumerated, streams read) and returns what it returned.</summary>
    /// <param name="folder">An empty folder for <see cref="Operation.DownloadToFile"/> to write into.</param>
    public static async Task<object?> InvokeAsync(IReportsClient client, Operation operation, string folder)
    {
        switch (operation)
        {
            case Operation.CreateReport: return await client.CreateReportAsync(new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv));
            case Operation.GetReport: return await client.GetReportAsync("rep_1");
            case Operation.UpdateReport: return await client.UpdateReportAsync("rep_1", new ReportUpdate { Schedule = null });
            case Operation.DeleteReport: await client.DeleteReportAsync("rep_1"); return null;
            case Operation.ListReports: return await client.ListReportsAsync();
            case Operation.ListAllReports: return await client.ListAllReportsAsync().ToListAsync();
            case Operation.Run: return await client.RunReportAsync("rep_1");
            case Operation.GetRun: return await client.GetRunAsync("run_1");
            case Operation.WaitForCompletion: return await client.WaitForCompletionAsync("run_1", WaitOptions);
            case Operation.RunAndWait: return await client.RunReportAndWaitAsync("rep_1", options: WaitOptions);
        }

        // A download starts from the run as the API returns it, as an application's would.
        var run = await client.GetRunAsync("run_1");
        switch (operation)
        {
            case Operation.OpenRead:
                var stream = await client.OpenReadAsync(run);
                await using (stream)
                {
                    await stream.CopyToAsync(Stream.Null);
                }

                return null;
            case Operation.Download:
                using (var memory = new MemoryStream())
                {
                    return await client.DownloadAsync(run, memory, cancellationToken: CancellationToken.None);
                }

            default:
                return await client.DownloadToFileAsync(run, Path.Combine(folder, "run_1.csv"), cancellationToken: CancellationToken.None);
        }
    }
}
