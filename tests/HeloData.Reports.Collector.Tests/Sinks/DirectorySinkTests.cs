using System.Runtime.Versioning;
using HeloData.Reports.Collector.Tests.Support;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Collector.Tests.Sinks;

/// <summary>
/// <c>WriteToDirectory</c>: <c>{report}/{from}_{to}_{run}{ext}</c>, written whole or not at all, following the
/// core's rules for a path that exists (a file replaced by a rename and keeping its mode, a symlink followed and kept,
/// a directory refused), against runs collected from the sandbox.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DirectorySinkTests : SandboxFixture
{
    private string Out => Temp.Combine("out");

    [Test]
    public async Task Each_run_lands_in_its_reports_folder_named_by_window_and_run_with_its_formats_extension()
    {
        var csv = await SandboxRuns.CreateReportAsync(Sandbox);
        var json = await SandboxRuns.CreateReportAsync(Sandbox, ReportFormat.Json, "json");
        var runs = (await SandboxRuns.RunAsync(Sandbox, csv, 2)).Concat(await SandboxRuns.RunAsync(Sandbox, json, 1)).ToArray();
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.WriteToDirectory(Out));

        var pass = await collector.Collector.CollectOnceAsync();

        Assert.That(pass.Collected, Is.EqualTo(3));
        var expected = runs.Select(r => Path.Combine(Out, r.ReportId, $"{r.From:yyyy-MM-dd}_{r.To:yyyy-MM-dd}_{r.RunId}{(r.ReportId == json.Id ? ".ndjson" : ".csv")}"));
        Assert.That(Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories), Is.EquivalentTo(expected), "these files and nothing else: no temporary file left");
        using var client = Sandbox.CreateClient();
        foreach (var run in runs)
        {
            using var content = new MemoryStream();
            await client.DownloadAsync(run, content);
            var file = expected.Single(f => f.Contains(run.RunId, StringComparison.Ordinal));
            Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(content.ToArray()));
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "a new file is 0600, as the core writes one");
        }
    }

    [Test]
    public async Task An_existing_file_is_replaced_by_a_rename_and_keeps_its_mode()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var path = PathOf(run);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "old content");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        var oldName = Temp.Combine("old-name");
        File.CreateSymbolicLink(oldName, path);
        await using var before = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.WriteToDirectory(Out));

        await collector.Collector.CollectOnceAsync();

        using var reader = new StreamReader(before);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("old content"), "the old file, held open, was never written into: a new one was renamed over the name");
        Assert.That(await File.ReadAllTextAsync(path), Does.StartWith("date,"));
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo((UnixFileMode)0b110_100_100), "the mode of the file replaced");
        Assert.That(Directory.EnumerateFiles(Out, "*.partial", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task A_symlink_at_the_name_is_followed_and_stays_a_link()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var path = PathOf(run);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var elsewhere = Directory.CreateDirectory(Temp.Combine("elsewhere")).FullName;
        File.CreateSymbolicLink(path, Path.Combine(elsewhere, "real.csv"));
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.WriteToDirectory(Out));

        await collector.Collector.CollectOnceAsync();

        Assert.That(new FileInfo(path).LinkTarget, Is.EqualTo(Path.Combine(elsewhere, "real.csv")), "still a link");
        Assert.That(await File.ReadAllTextAsync(Path.Combine(elsewhere, "real.csv")), Does.StartWith("date,"));
        Assert.That(Directory.EnumerateFiles(elsewhere), Has.Exactly(1).Items, "no temporary file left beside the link's target");
    }

    [Test]
    public async Task A_directory_at_the_name_fails_the_run_which_is_collected_once_the_directory_is_gone()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        Directory.CreateDirectory(PathOf(run));
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.WriteToDirectory(Out));

        var refused = await collector.Collector.CollectOnceAsync();
        Directory.Delete(PathOf(run));
        var collected = await collector.Collector.CollectOnceAsync();

        Assert.That((refused.Collected, refused.Failed), Is.EqualTo((0, 1)));
        Assert.That((collected.Collected, collected.Failed), Is.EqualTo((1, 0)));
        Assert.That(File.Exists(PathOf(run)), Is.True);
    }

    [TestCase("rep/../../escape")]
    [TestCase("rep\\..\\escape")]
    [TestCase("..")]
    [TestCase(" rep")]
    [TestCase("rep\0x")]
    public async Task A_report_id_that_is_not_one_plain_name_is_refused_with_a_typed_error_and_nothing_is_written(string reportId)
    {
        var content = Temp.Combine("content.csv");
        await File.WriteAllTextAsync(content, "date,product\n");
        var sink = new DirectoryRunSink(Out);
        var run = ReportsCollectorModelFactory.CollectedRun("run_1", reportId, ReportType.Traffic, ReportFormat.Csv, new(2026, 6, 1), new(2026, 6, 7), content);

        var refusal = await Fails.With(() => sink.HandleAsync(run, CancellationToken.None));

        Assert.That(refusal.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(refusal.RunId, Is.EqualTo("run_1"));
        Assert.That(refusal.Message, Does.Contain("report id"));
        Assert.That(Directory.EnumerateFileSystemEntries(Temp.Path, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { content }), "nothing made anywhere");
    }

    [TestCase("run/../x")]
    [TestCase("..")]
    public async Task A_run_id_that_is_not_one_plain_name_is_refused(string runId)
    {
        var content = Temp.Combine("content.csv");
        await File.WriteAllTextAsync(content, "date,product\n");
        var run = ReportsCollectorModelFactory.CollectedRun(runId, "rep_1", ReportType.Traffic, ReportFormat.Csv, new(2026, 6, 1), new(2026, 6, 7), content);

        var refusal = await Fails.With(() => new DirectoryRunSink(Out).HandleAsync(run, CancellationToken.None));

        Assert.That((refusal.ErrorCode, refusal.Message.Contains("run id", StringComparison.Ordinal)), Is.EqualTo((ReportsErrorCode.InvalidResponse, true)));
        Assert.That(Directory.Exists(Out), Is.False);
    }

    private string PathOf(ReportRun run) => Path.Combine(Out, run.ReportId, $"{run.From:yyyy-MM-dd}_{run.To:yyyy-MM-dd}_{run.RunId}.csv");
}
