using System.Net;
using System.Runtime.Versioning;
using HeloData.Reports.AspNetCore.Tests.Support;

namespace HeloData.Reports.AspNetCore.Tests;

/// <summary>
/// <c>ReportDelivery.SaveToAsync</c> into what a handler may be given: a file it replaces atomically, a
/// symlink it follows, a device, FIFO or socket it writes in place and never replaces, and paths it
/// refuses with an <see cref="ArgumentException"/> before writing. Special files live in a temp folder.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SaveToTests
{
    private static readonly byte[] Artifact = Deliveries.Csv(2000);

    private string _temp = null!;
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = Directory.CreateTempSubdirectory("helodata-webhook-spool-").FullName;
        _folder = Directory.CreateTempSubdirectory("helodata-save-to-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        Directory.Delete(_temp, recursive: true);
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_symlink_stays_and_the_file_it_leads_to_gets_the_artifact()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var file = Path.Combine(elsewhere, "saved.csv");
        await File.WriteAllTextAsync(file, "old");
        var link = File.CreateSymbolicLink(Path.Combine(_folder, "link.csv"), "elsewhere/saved.csv").FullName;

        Assert.That(await SaveAsync(link), Is.Null);

        Assert.That(SpecialFiles.TypeOf(link), Is.EqualTo("symbolic link"));
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(Artifact));
        Assert.That(Directory.GetFiles(elsewhere), Is.EqualTo(new[] { file }), "no temporary file");
    }

    [Test]
    public async Task A_fifo_reader_gets_every_byte_and_the_fifo_stays()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_folder, "saved.csv"));
        var reader = SpecialFiles.ReadFifoAsync(fifo);

        Assert.That(await SaveAsync(fifo), Is.Null);

        Assert.That(SpecialFiles.TypeOf(fifo), Is.EqualTo("fifo"));
        Assert.That(await reader.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(Artifact));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { fifo }));
    }

    [Test]
    public async Task A_character_device_is_written_in_place_and_stays_a_device()
    {
        var device = SpecialFiles.MakeNullDevice(Path.Combine(_folder, "null"));

        Assert.That(await SaveAsync(device), Is.Null);

        Assert.That(SpecialFiles.TypeOf(device), Is.EqualTo("character special file"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { device }));
    }

    [Test]
    public async Task A_socket_gets_the_artifact_over_a_connection_and_stays_a_socket()
    {
        var path = Path.Combine(_folder, "saved.sock");
        using var listener = SpecialFiles.Listen(path);
        var received = SpecialFiles.ReceiveAllAsync(listener);

        Assert.That(await SaveAsync(path), Is.Null);

        Assert.That(await received.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(Artifact));
        Assert.That(SpecialFiles.TypeOf(path), Is.EqualTo("socket"));
    }

    [Test]
    public async Task A_directory_is_an_ArgumentException_naming_it_and_stays_empty()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;

        var error = await SaveAsync(directory);

        Assert.That(error, Is.InstanceOf<ArgumentException>());
        Assert.That(error!.Message, Does.Contain(directory).And.Contain("directory"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { directory }));
        Assert.That(Directory.GetFileSystemEntries(directory), Is.Empty);
    }

    [Test]
    public async Task A_folder_that_takes_no_new_file_is_an_ArgumentException_naming_it()
    {
        var readOnly = Directory.CreateDirectory(Path.Combine(_folder, "ro")).FullName;
        Exception? error;
        using (SpecialFiles.MakeReadOnly(readOnly))
        {
            error = await SaveAsync(Path.Combine(readOnly, "saved.csv"));
        }

        Assert.That(error, Is.InstanceOf<ArgumentException>());
        Assert.That(error!.Message, Does.Contain(readOnly).And.Contain("cannot be written"));
        Assert.That(Directory.GetFileSystemEntries(readOnly), Is.Empty);
    }

    [Test]
    public async Task A_name_at_the_longest_the_file_system_allows_is_saved_and_a_new_file_is_private()
    {
        var target = Path.Combine(_folder, new string('s', 251) + ".csv");

        Assert.That(await SaveAsync(target), Is.Null);

        Assert.That(await File.ReadAllBytesAsync(target), Is.EqualTo(Artifact));
        Assert.That(File.GetUnixFileMode(target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { target }));
    }

    // Delivers the artifact once and saves it to the path in the handler: what SaveToAsync threw, if anything.
    private async Task<Exception?> SaveAsync(string path)
    {
        Exception? error = null;
        await using var receiver = await Receiver.StartAsync(
            async (delivery, ct) =>
            {
                try
                {
                    await delivery.SaveToAsync(path, ct);
                }
                catch (Exception exception)
                {
                    error = exception;
                }
            },
            o => o.TemporaryDirectory = _temp,
            Stores.InMemory());

        using var response = await Deliveries.SendAsync(receiver.Address, "run_save", Artifact);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return error;
    }
}
