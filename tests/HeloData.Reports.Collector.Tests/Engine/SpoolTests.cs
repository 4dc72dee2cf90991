using System.Runtime.Versioning;
using HeloData.Reports.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary>The spool: a run's content in a 0600 file of a 0700 folder while its handlers read it, deleted after, and a dead collector's files swept at the next start.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class SpoolTests : SandboxFixture
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;

    private string Root => Temp.Combine("helodata-collector-" + FileKinds.CurrentUserId());

    [Test]
    public async Task While_the_handlers_read_the_content_it_is_a_0600_file_in_a_0700_folder_and_it_is_gone_after()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        await SandboxRuns.RunAsync(Sandbox, report, 1);
        var seen = new List<(string File, UnixFileMode Mode)>();
        CollectorHarness? collector = null;
        await using var _ = collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("look", (run, ct) =>
        {
            seen.AddRange(Directory.EnumerateFiles(collector!.Spool.Folder).Select(f => (f, File.GetUnixFileMode(f))));
            return Task.CompletedTask;
        }));

        await collector.Collector.CollectOnceAsync();

        Assert.That(seen, Has.Exactly(1).Matches<(string File, UnixFileMode Mode)>(s => s.File.EndsWith(".spool", StringComparison.Ordinal) && s.Mode == Private));
        Assert.That((File.GetUnixFileMode(collector.Spool.Folder), File.GetUnixFileMode(collector.Spool.Root)), Is.EqualTo((PrivateFolder, PrivateFolder)));
        Assert.That(collector.Spool.Root, Is.EqualTo(Root));
        Assert.That(Directory.EnumerateFiles(collector.Spool.Folder), Is.Empty);
    }

    [Test]
    public async Task At_start_a_dead_collectors_spool_files_are_swept_and_a_live_ones_are_kept()
    {
        Directory.CreateDirectory(Root, PrivateFolder);
        var dead = MakeLife("dead");
        var live = MakeLife("live");
        await using (new FileStream(Path.Combine(Root, "live.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("none", (_, _) => Task.CompletedTask));
            _ = collector.Spool;
        }

        Assert.That(Directory.Exists(Path.GetDirectoryName(dead)), Is.False, "the dead life's folder is gone");
        Assert.That(File.Exists(Path.Combine(Root, "dead.lock")), Is.False);
        Assert.That(File.Exists(live), Is.True, "a folder whose lock is held belongs to a live collector");
        Assert.That(Directory.EnumerateFileSystemEntries(Root).Select(Path.GetFileName), Is.EquivalentTo(new[] { "live", "live.lock" }), "the started collector's own folder and lock are gone after it");
    }

    [Test]
    public void A_spool_root_another_user_could_write_is_refused_naming_the_option()
    {
        Directory.CreateDirectory(Root, PrivateFolder | UnixFileMode.OtherWrite | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(Root, PrivateFolder | UnixFileMode.OtherWrite | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        Assert.That(() => CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("none", (_, _) => Task.CompletedTask)), Throws.InvalidOperationException.With.Message.Contains("not 0700").And.Message.Contains("ReportsCollectorOptions.TemporaryDirectory"));
    }

    private string MakeLife(string life)
    {
        File.WriteAllText(Path.Combine(Root, life + ".lock"), string.Empty);
        var folder = Directory.CreateDirectory(Path.Combine(Root, life), PrivateFolder).FullName;
        var spool = Path.Combine(folder, "left.spool");
        File.WriteAllText(spool, "a run's content");
        return spool;
    }
}
