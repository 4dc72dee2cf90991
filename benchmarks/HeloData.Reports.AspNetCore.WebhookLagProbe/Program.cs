using System.Globalization;
using HeloData.Reports.AspNetCore.WebhookLagProbe;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;

// Lag from a run's completed_at to the collector's sink when the run comes in by the webhook, through the real HTTP
// receiver: the sandbox pushes each completed run's artifact, signed, to MapHeloReportsCollectorWebhook on Kestrel
// (loopback), one run at a time, for each artifact size.
//   dotnet run -c Release --project benchmarks/HeloData.Reports.AspNetCore.WebhookLagProbe -- [pushes] [rows…]
// pushes: per size (100; a fifth of it from 1,000,000 rows up); rows: the artifact's data rows, `window` for the
// sandbox's small default (`window 10000 100000 1000000` by default). Each size has a sandbox, receiver and state of its own.
var pushes = args is [var p, ..] ? int.Parse(p, CultureInfo.InvariantCulture) : 100;
string[] sizes = args.Length > 1 ? args[1..] : ["window", "10000", "100000", "1000000"];
Console.WriteLine($"{Environment.ProcessorCount} cores shared by the sandbox (sender), the receiver and everything else on the machine; times from the sandbox's own completion time");
Console.WriteLine("| artifact | pushes | → request arrived p50 / p99 | → handler saw the run p50 / p99 | → answered 200 (sinks done, recorded) p50 / p99 | max | not 200 | load average (1 min) |");
Console.WriteLine("| ---: | ---: | --- | --- | --- | ---: | ---: | --- |");
var failed = 0;
foreach (var size in sizes)
{
    long? rows = size == "window" ? null : long.Parse(size, CultureInfo.InvariantCulture);
    var count = rows >= 1_000_000 ? Math.Max(1, pushes / 5) : pushes;
    failed += await MeasureAsync(rows, count);
}

return failed == 0 ? 0 : 1;

static async Task<int> MeasureAsync(long? rows, int pushes)
{
    const int warmup = 3;
    var temp = Directory.CreateTempSubdirectory("helodata-webhook-lag-");
    try
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant, ArtifactRowCount = rows });
        await using var receiver = await LagReceiver.StartAsync(sandbox, temp.FullName);
        using var client = sandbox.CreateClient();
        var report = await client.CreateReportAsync(new NewReport("lag", ReportType.Traffic, ReportFormat.Csv) { Destination = new WebhookDestination(receiver.Address, LagReceiver.Secret) });
        var (arrived, handled, answered) = (new List<double>(), new List<double>(), new List<double>());
        var (notOk, load, bytes) = (0, LoadAverage(), 0L);
        for (var i = 0; i < warmup + pushes; i++)
        {
            var id = (await client.RunReportAsync(report.Id)).RunId;
            await sandbox.WaitForWebhookDeliveryAsync(id).WaitAsync(TimeSpan.FromMinutes(2));
            while (!receiver.Answered.ContainsKey(id))
            {
                await Task.Delay(1); // the middleware notes the answer just after the sender has it
            }

            var completed = sandbox.Runs.Single(r => r.RunId == id).CompletedAt;
            var answer = receiver.Answered[id];
            notOk += answer.Status == 200 ? 0 : 1;
            if (i < warmup || answer.Status != 200)
            {
                continue;
            }

            arrived.Add((receiver.Arrived[id] - completed).TotalMilliseconds);
            handled.Add((receiver.Handled[id] - completed).TotalMilliseconds);
            answered.Add((answer.At - completed).TotalMilliseconds);
            bytes = Directory.EnumerateFiles(Path.Combine(temp.FullName, "out"), $"*{id}*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        }

        load = Math.Max(load, LoadAverage());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Size(bytes)} ({(rows is { } r ? $"{r:N0} rows" : "the window's rows")}) | {answered.Count} | {Pair(arrived)} | {Pair(handled)} | **{Pair(answered)}** | {answered.DefaultIfEmpty().Max():0.0} ms | {notOk} | {load:0.0} |"));
        return notOk;
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temp.Delete(recursive: true);
    }
}

static string Pair(List<double> values)
{
    values.Sort();
    double At(double p) => values.Count == 0 ? double.NaN : values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"{At(0.5):0.0} / {At(0.99):0.0} ms");
}

static string Size(long bytes) => bytes switch
{
    >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
    >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
    _ => $"{bytes} B",
};

static double LoadAverage() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
