using System.Reflection;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Client;

/// <summary>
/// A call with the required arguments and a token compiles for every method (the two cases among
/// them), and reaches the interface member with that token and the defaults, so a mock of that one
/// member answers it. TokenOnlyCallShapeTests proves the shape for every public async method of every package.
/// </summary>
public sealed class TokenOnlyCallTests
{
    private static readonly ReportRun Run = ReportsModelFactory.ReportRun(runId: "run_7", status: RunStatus.Completed);

    [Test]
    public async Task WaitForCompletionAsync_with_a_run_id_and_a_token_waits_with_the_default_schedule()
    {
        var (client, calls) = RecordingClient.Create();
        using var cancellation = new CancellationTokenSource();

        await client.WaitForCompletionAsync("run_7", cancellation.Token);

        Assert.That(calls.Single(), Is.EqualTo(("WaitForCompletionAsync", new object?[] { "run_7", null, cancellation.Token })));
    }

    [Test]
    public async Task ListAllReportsAsync_with_a_token_lists_in_pages_of_the_service_default()
    {
        var (client, calls) = RecordingClient.Create();
        using var cancellation = new CancellationTokenSource();

        await foreach (var _ in client.ListAllReportsAsync(cancellation.Token))
        {
        }

        Assert.That(calls.Single(), Is.EqualTo(("ListAllReportsAsync", new object?[] { null, cancellation.Token })));
    }

    [Test]
    public async Task Every_other_token_only_call_passes_the_token_and_the_defaults()
    {
        var (client, calls) = RecordingClient.Create();
        using var cancellation = new CancellationTokenSource();
        var ct = cancellation.Token;
        using var destination = new MemoryStream();

        await client.ListReportsAsync(ct);
        await client.RunReportAsync("rep_1", ct);
        await client.RunReportAndWaitAsync("rep_1", ct);
        await client.DownloadAsync(Run, destination, ct);
        await client.DownloadToFileAsync(Run, "out.csv", ct);

        Assert.That(calls, Is.EqualTo(new[]
        {
            ("ListReportsAsync", new object?[] { null, null, ct }),
            ("RunReportAsync", new object?[] { "rep_1", null, ct }),
            ("RunReportAndWaitAsync", new object?[] { "rep_1", null, null, ct }),
            ("DownloadAsync", new object?[] { Run, destination, null, ct }),
            ("DownloadToFileAsync", new object?[] { Run, "out.csv", null, ct }),
        }));
    }

    [Test]
    public void A_null_client_is_blamed_by_name()
    {
        IReportsClient client = null!;

        var error = Assert.Throws<ArgumentNullException>(() => client.WaitForCompletionAsync("run_7", CancellationToken.None));

        Assert.That(error!.ParamName, Is.EqualTo("client"));
    }

    // As a mocking library builds a mock: one answer per interface member, each call recorded.
    public class RecordingClient : DispatchProxy
    {
        private List<(string, object?[])> _calls = [];

        public static (IReportsClient Client, List<(string Member, object?[] Arguments)> Calls) Create()
        {
            var client = Create<IReportsClient, RecordingClient>();
            var calls = new List<(string, object?[])>();
            ((RecordingClient)(object)client)._calls = calls;
            return (client, calls);
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls.Add((targetMethod!.Name, args!));
            return targetMethod.ReturnType switch
            {
                var t when t == typeof(IAsyncEnumerable<Report>) => AsyncEnumerable.Empty<Report>(),
                var t when t == typeof(Task<ReportList>) => Task.FromResult(ReportsModelFactory.ReportList()),
                var t when t == typeof(Task<RunAccepted>) => Task.FromResult(ReportsModelFactory.RunAccepted()),
                var t when t == typeof(Task<ReportRun>) => Task.FromResult(Run),
                var t when t == typeof(Task<DownloadResult>) => Task.FromResult<DownloadResult>(null!),
                _ => throw new NotSupportedException(targetMethod.Name),
            };
        }
    }
}
