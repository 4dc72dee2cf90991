using System.Runtime.Versioning;
using HeloData.Reports.AspNetCore.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>The receiver's own spool folder: private, and swept of a dead receiver's files at start-up, never of anyone else's.</summary>
public sealed class WebhookSpoolTests
{
    private string _temp = null!;
    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = Directory.CreateTempSubdirectory("helodata-spool-").FullName;
        _root = Path.Combine(_temp, WebhookSpool.Name);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_temp, recursive: true);

    [Test]
    [UnsupportedOSPlatform("windows")]
    public async Task Spool_files_are_0600_in_a_0700_folder_whatever_the_umask()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "Unix modes");
        using var spool = Start();
        string? seen = null;
        UnixFileMode mode = default;
        await using var receiver = await Receiver.StartAsync(
            (delivery, _) =>
            {
                seen = new SpoolProbe(_temp).Files().Single();
                mode = File.GetUnixFileMode(seen);
                return Task.CompletedTask;
            },
            o => o.TemporaryDirectory = _temp,
            Stores.InMemory());

        using var response = await Deliveries.SendAsync(receiver.Address, "run_modes", Deliveries.Csv());

        Assert.That(mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), seen);
        Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(seen)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.GetUnixFileMode(spool.Folder), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public void At_start_up_a_dead_receivers_spool_files_are_deleted_and_nothing_else()
    {
        // What a receiver killed mid-body leaves: its owner file (no longer locked) and its spool files.
        var dead = Path.Combine(_root, "0123456789abcdef0123456789abcdef");
        CreatePrivateRoot();
        Directory.CreateDirectory(dead);
        File.WriteAllText(dead + SpoolFolder.LockExtension, "");
        File.WriteAllBytes(Path.Combine(dead, "a.spool"), new byte[1000]);
        File.WriteAllBytes(Path.Combine(dead, "b.spool"), new byte[1000]);
        var notOurs = new[]
        {
            Path.Combine(dead, "notes.txt"),         // a file the receiver never writes
            Path.Combine(_root, "stray.spool"),      // a spool-named file outside any instance folder
            Path.Combine(_temp, "other.spool"),      // beside the spool root, in the shared temp folder
        };
        foreach (var file in notOurs)
        {
            File.WriteAllText(file, "keep");
        }

        using var spool = Start();

        Assert.That(File.Exists(Path.Combine(dead, "a.spool")) || File.Exists(Path.Combine(dead, "b.spool")), Is.False);
        Assert.That(notOurs.Where(File.Exists), Is.EqualTo(notOurs), "no other file is touched");
    }

    [Test]
    public void An_empty_dead_instance_is_removed_whole()
    {
        var dead = Path.Combine(_root, "fedcba9876543210fedcba9876543210");
        CreatePrivateRoot();
        Directory.CreateDirectory(dead);
        File.WriteAllText(dead + SpoolFolder.LockExtension, "");
        File.WriteAllBytes(Path.Combine(dead, "a.spool"), new byte[10]);

        using var spool = Start();

        Assert.That(Directory.Exists(dead), Is.False);
        Assert.That(File.Exists(dead + SpoolFolder.LockExtension), Is.False);
    }

    [Test]
    public void A_live_receivers_spool_files_are_left_alone()
    {
        using var live = Start();
        var file = live.NewFilePath();
        File.WriteAllBytes(file, new byte[100]);

        using var next = Start();

        Assert.That(File.Exists(file), Is.True, "its owner lock is held: it is not a leftover");
        Assert.That(next.Folder, Is.Not.EqualTo(live.Folder));
    }

    [Test]
    public void A_dead_instance_that_is_a_link_is_not_followed()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "symbolic links without privileges");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_temp, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "precious.spool"), "keep");
        CreatePrivateRoot();
        var link = Path.Combine(_root, "00000000000000000000000000000000");
        Directory.CreateSymbolicLink(link, elsewhere);
        File.WriteAllText(link + SpoolFolder.LockExtension, "");

        using var spool = Start();

        Assert.That(File.Exists(Path.Combine(elsewhere, "precious.spool")), Is.True);
    }

    [Test]
    public void Disposing_removes_the_instance_folder_and_its_owner_file()
    {
        var spool = Start();

        spool.Dispose();

        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
    }

    [Test]
    public void A_folder_that_cannot_be_removed_at_shutdown_is_swept_at_the_next_start()
    {
        // A handler that outlives the app still has its spool file: the folder is not empty when the app stops.
        var spool = Start();
        var left = spool.NewFilePath();
        File.WriteAllBytes(left, new byte[100]);
        spool.Dispose();

        using var next = Start();

        Assert.That(File.Exists(left), Is.False, "the next start sweeps what the last one could not remove");
        Assert.That(Directory.Exists(spool.Folder), Is.False);
        Assert.That(File.Exists(spool.Folder + SpoolFolder.LockExtension), Is.False);
    }

    [Test]
    public void The_root_is_per_user_and_owned_by_this_user_with_mode_0700()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "Unix owners and modes");
        using var spool = Start();

        // The same stat the check uses, and the process's own uid.
        var uid = FileKinds.CurrentUserId();
        Assert.That(uid, Is.Not.Null);
        Assert.That(Path.GetFileName(spool.Root), Is.EqualTo($"helodata-webhook-spool-{uid}"), "two service accounts on one temp folder never share a root");
        Assert.That(FileKinds.OwnershipOf(spool.Root), Is.EqualTo(new FileOwnership(true, uid!.Value, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)));
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void A_root_that_is_a_symbolic_link_fails_the_start_naming_it()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "symbolic links without privileges");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_temp, "chosen-by-someone-else")).FullName;
        File.SetUnixFileMode(elsewhere, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateSymbolicLink(_root, elsewhere);

        Assert.That(() => Start(), Throws.InvalidOperationException.With.Message.Contains(_root).And.Message.Contains("symbolic link"));
        Assert.That(Directory.GetFileSystemEntries(elsewhere), Is.Empty, "nothing was created through the link");
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void A_root_anyone_can_write_fails_the_start_naming_it()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "Unix modes");
        Directory.CreateDirectory(_root);
        File.SetUnixFileMode(_root, (UnixFileMode)0x1FF); // 0777, as another user's pre-made folder would be

        Assert.That(() => Start(), Throws.InvalidOperationException.With.Message.Contains(_root).And.Message.Contains("0777"));
        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty, "nothing was spooled there");
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void A_root_owned_by_another_user_fails_the_start_naming_it()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "Unix owners");
        Assume.That(FileKinds.CurrentUserId(), Is.EqualTo(0u), "only root can give a folder to another user");
        Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using (var chown = System.Diagnostics.Process.Start("chown", ["65534", _root]))
        {
            chown.WaitForExit();
            Assume.That(chown.ExitCode, Is.Zero, "chown");
        }

        Assert.That(FileKinds.OwnershipOf(_root)?.UserId, Is.EqualTo(65534u), "the check's own stat sees the other owner");
        Assert.That(() => Start(), Throws.InvalidOperationException.With.Message.Contains(_root).And.Message.Contains("65534"));
    }

    [Test]
    public void A_temporary_directory_that_cannot_be_used_fails_at_start_naming_it()
    {
        var file = Path.Combine(_temp, "a-file");
        File.WriteAllText(file, "");

        Assert.That(
            () => new WebhookSpool(Options.Create(new ReportWebhookOptions { TemporaryDirectory = file }), NullLogger<ReportWebhookEndpoint>.Instance),
            Throws.InvalidOperationException.With.Message.Contains(file).And.Message.Contains(nameof(ReportWebhookOptions.TemporaryDirectory)));
    }

    /// <summary>The root as a receiver of this user makes it (0700 on Unix): the receiver refuses any other.</summary>
    private void CreatePrivateRoot()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_root);
        }
        else
        {
            Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private WebhookSpool Start() => new(Options.Create(new ReportWebhookOptions { TemporaryDirectory = _temp }), NullLogger<ReportWebhookEndpoint>.Instance);
}
