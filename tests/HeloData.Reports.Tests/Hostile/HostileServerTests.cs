using static HeloData.Reports.Tests.Hostile.HostileOperations;
using static HeloData.Reports.Tests.Hostile.OutcomeChecks;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>
/// Whatever a misbehaving server answers, every public operation ends in a model that keeps its
/// nullability promises or in a <see cref="ReportsException"/>: never another exception type, never a
/// hang, never a busy loop or a retry storm. One case per hostile answer and operation it is aimed at.
/// </summary>
/// <remarks>
/// Cases run in parallel (see <c>HostileParallelism.cs</c>): most of their time is spent waiting out
/// a one-second maximum wait or a download restart's fixed 1 s + 2 s pauses, not computing.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class HostileServerTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(15);
    private static readonly byte[] Artifact = "date,requests\n2026-05-01,1\n"u8.ToArray();

    private static IEnumerable<TestCaseData> Cases() =>
        from answer in HostileAnswers.All()
        from operation in Enum.GetValues<Operation>()
        where (answer.Targets & Needs(operation)) != 0
        select new TestCaseData(answer, operation).SetArgDisplayNames(answer.Name, operation.ToString());

    [TestCaseSource(nameof(Cases))]
    public async Task Ends_in_a_model_or_a_ReportsException(HostileAnswer answer, Operation operation)
    {
        // A download is hostile at the download host behind a good run, unless the run's URL is the hostile part.
        var hostileApi = !IsDownload(operation) || answer.Targets.HasFlag(Targets.DownloadUrl);
        using var server = new HostileServer(request => request.Path.StartsWith("/v1/", StringComparison.Ordinal)
            ? (hostileApi ? answer.Answer : RawAnswer.Http(200, ContractBodies.CompletedRun(new Uri(request.Server, HostileServer.DownloadPath).ToString())))
            : (hostileApi ? RawAnswer.Http(200, Artifact, "text/csv") : answer.Answer));
        using var client = NewClient(server);
        var folder = Directory.CreateTempSubdirectory("hostile-").FullName;
        try
        {
            var call = InvokeAsync(client, operation, folder);
            if (!await EndsWithinAsync(call, HangGuard))
            {
                Assert.Fail($"hang: {operation} had not ended after {HangGuard.TotalSeconds} s");
            }

            var failure = call.Exception?.InnerException;
            await TestContext.Out.WriteLineAsync($"outcome: {(failure is null ? "a model" : Describe(failure))}; requests: {server.Requests("/v1/")} API, {server.Requests("/downloads/")} download");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(failure, Is.Null.Or.InstanceOf<ReportsException>(), () => $"{operation} threw {Describe(failure!)}");
                if (failure is null)
                {
                    var broken = BrokenPromises(call.Result);
                    Assert.That(broken, Is.Empty, () => $"broken nullability promise: {string.Join("; ", broken)}");
                }
                else if (failure is ReportsException reportsException)
                {
                    Assert.That(Unprintable(reportsException), Is.Empty, () => $"control characters in the message of {Describe(reportsException)}");
                    if (operation == Operation.DownloadToFile)
                    {
                        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty, "a failed download left a file behind");
                    }
                }

                AssertBoundedRequests(server, answer, operation);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A poll every MinPollInterval at most, each retried by the transport at most MaxRetryAttempts times;
    // anything more is a loop that does not wait. Other calls: one retried request, plus one URL refresh;
    // a file download: three attempts. SocketsHttpHandler itself sends a bodiless request up to 3 more
    // times when a connection closes before a single byte of answer, so those answers allow 4 sends a try.
    private static void AssertBoundedRequests(HostileServer server, HostileAnswer answer, Operation operation)
    {
        var sends = answer.Answer.Bytes.Length == 0 ? 4 : 1;
        var tries = (MaxRetryAttempts + 1) * sends;
        if (IsWait(operation))
        {
            var options = WaitOptions;
            var polls = server.Requests("/v1/reports/runs/");
            var limit = (int)((options.MaxWait / options.MinPollInterval) + 3) * tries;
            Assert.That(polls, Is.LessThanOrEqualTo(limit), $"busy loop: {polls} status requests in a wait of at most {options.MaxWait.TotalSeconds} s");
            return;
        }

        var api = server.Requests("/v1/");
        var downloads = server.Requests("/downloads/");
        Assert.That(api, Is.LessThanOrEqualTo(2 * tries), $"retry storm: {api} API requests");
        Assert.That(downloads, Is.LessThanOrEqualTo(2 * 3 * sends), $"retry storm: {downloads} download requests");
    }
}
