using System.Runtime.Versioning;

namespace HeloData.Reports.Tests.Files;

/// <summary>
/// The spool the collector and the receiver share: private files, dead lives' leftovers swept, and no sweep ever
/// deleting a live life's spool, even one racing the life's start (on Unix its lock file is created, then locked).
/// </summary>
public sealed class SpoolFolderTests
{
    private string _temp = null!;
    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = Directory.CreateTempSubdirectory("helodata-spool-test-").FullName;
        _root = SpoolFolder.RootFor(_temp, "spool");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_temp, recursive: true);

    [Test]
    public void A_lock_file_a_sweep_deleted_before_it_was_locked_is_replaced_so_the_live_spool_is_never_swept()
    {
        var creations = 0;
        using var spool = Start(path =>
        {
            var held = Lock(path);
            if (++creations == 1)
            {
                File.Delete(path); // what a sweep that locked it between its creation and this lock did
            }

            return held;
        });
        var file = spool.NewFilePath();
        File.WriteAllText(file, "spooled");

        using (Start())
        {
            Assert.That(File.Exists(file), Is.True, "another start's sweep left the live spool alone");
        }

        Assert.That(creations, Is.EqualTo(2), "a second name taken");
        Assert.That(File.Exists(spool.Folder + SpoolFolder.LockExtension), Is.True, "its lock file is where sweeps look");
    }

    [Test]
    public void A_lock_file_a_sweep_locked_first_is_given_up_for_another_and_the_start_succeeds()
    {
        FileStream? sweep = null;
        using (var spool = Start(path =>
        {
            if (sweep is null)
            {
                sweep = Lock(path); // the sweep holds it: this process's lock fails, as FileShare.None's does on Unix
                throw new IOException("The process cannot access the file because it is being used by another process.");
            }

            return Lock(path);
        }))
        {
            Assert.That(Directory.Exists(spool.Folder), Is.True);
            Assert.That(File.Exists(spool.Folder + SpoolFolder.LockExtension), Is.True);
        }

        sweep!.Dispose();
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void Spool_files_are_private_and_a_dead_life_is_swept_but_a_live_one_and_other_files_are_not()
    {
        var swept = new List<(int Count, string Folder)>();
        using var live = Start();
        using (var created = live.Create())
        {
            Assert.That(File.GetUnixFileMode(created.Name), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        var dead = Path.Combine(_root, "0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(dead);
        File.WriteAllText(Path.Combine(dead, "a" + SpoolFolder.FileExtension), "left");
        File.WriteAllText(dead + SpoolFolder.LockExtension, "");
        var stranger = Path.Combine(_root, "notes.txt");
        File.WriteAllText(stranger, "not ours");

        using (new SpoolFolder(_root, "Options.TemporaryDirectory", _ => { }, (count, folder) => swept.Add((count, folder))))
        {
            Assert.That(swept, Is.EqualTo(new[] { (1, dead) }));
            Assert.That(Directory.Exists(dead) || File.Exists(dead + SpoolFolder.LockExtension), Is.False, "the dead life is gone");
            Assert.That(Directory.GetFiles(live.Folder), Has.Length.EqualTo(1), "the live life is untouched");
            Assert.That(File.Exists(stranger), Is.True);
            Assert.That(File.GetUnixFileMode(live.Folder), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }
    }

    private static FileStream Lock(string path) => new(path, PrivateFiles.Options(FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));

    private SpoolFolder Start(Func<string, FileStream>? createLock = null) =>
        new(_root, "Options.TemporaryDirectory", exception => Assert.Fail($"nothing should be left: {exception}"), (_, _) => { }, createLock);
}
