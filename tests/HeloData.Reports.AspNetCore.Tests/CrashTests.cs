using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using HeloData.Reports.AspNetCore.Tests.Support;

namespace HeloData.Reports.AspNetCore.Tests;

/// <summary>
/// A receiver killed with kill -9 at the points that matter (mid-handler, after the handler and before the run
/// is recorded, mid-body), restarted on the same port, store and folders, while a sender retries every delivery
/// until it gets a 2xx: every run ends up stored once, byte for byte; nothing is left behind; no run is refused
/// as "being handled" when nobody handles it; and the only run handled twice is the one killed after its
/// handler, whose second call says it may have been handled.
/// </summary>
public sealed partial class CrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<string> _lines = [];
    private readonly List<HttpStatusCode> _answers = [];
    private readonly TaskCompletionSource _receiverKilled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _root = null!;
    private string _deliveries = null!;
    private string _spool = null!;
    private Uri _address = null!;
    private int _port;

    [SetUp]
    public void SetUp()
    {
        _root = Directory.CreateTempSubdirectory("helodata-crash-test-").FullName;
        _deliveries = Directory.CreateDirectory(Path.Combine(_root, "deliveries")).FullName;
        _spool = Directory.CreateDirectory(Path.Combine(_root, "spool")).FullName;
        _port = ClosedPort.Find();
        _address = new Uri($"http://127.0.0.1:{_port}/hooks");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Runs_killed_mid_handler_after_the_handler_and_mid_body_are_each_stored_once_and_nothing_is_left_behind()
    {
        var batch = Enumerable.Range(0, 16).Select(i => $"run_{i:00}").ToList();
        var bodies = batch.ToDictionary(runId => runId, runId => Deliveries.Csv(1 + (batch.IndexOf(runId) * 97)));
        bodies["run_body"] = Deliveries.Csv(20_000); // about 900 KB: still in flight when the receiver dies
        var senders = new List<Task>();

        // Life 1: a batch, killed while run_03's handler runs (before it stored anything).
        using (var life = await StartAsync("run_03:mid-handler"))
        {
            senders.AddRange(batch[..8].Select(r => SendUntilDeliveredAsync(r, bodies[r], halfSent: null)));
            await life.WaitForLineAsync("hanging run_03 mid-handler", Patience);
            await DeliveredAsync(senders, except: 1);
            Kill(life);
        }

        // Life 2: run_03 is redelivered at once; the next batch is killed after run_11's handler stored its
        // file and before the endpoint recorded the run.
        using (var life = await StartAsync("run_11:after-handler"))
        {
            senders.AddRange(batch[8..].Select(r => SendUntilDeliveredAsync(r, bodies[r], halfSent: null)));
            await life.WaitForLineAsync("hanging run_11 after-handler", Patience);
            await DeliveredAsync(senders, except: 1);
            Kill(life);
        }

        // Life 3: killed while run_body's body is half sent. Beside it, what a kill in the middle of
        // SaveToAsync leaves: a partial copy.
        var leftover = Path.Combine(_deliveries, $".hd-{Random.Shared.NextInt64():x16}.partial");
        await File.WriteAllTextAsync(leftover, "date,subuser_id,pro");
        var halfSent = new TaskCompletionSource();
        using (var life = await StartAsync(hang: null))
        {
            Assert.That(File.Exists(leftover), Is.False, "partial copies a killed life left are swept at start");
            senders.Add(SendUntilDeliveredAsync("run_body", bodies["run_body"], halfSent));
            await halfSent.Task.WaitAsync(Patience);
            await SpooledAsync(minimum: bodies["run_body"].Length / 4);
            await DeliveredAsync(senders, except: 1);
            Kill(life);
            _receiverKilled.SetResult();
        }

        // Life 4: everything still owed is delivered.
        using (var life = await StartAsync(hang: null))
        {
            await Task.WhenAll(senders).WaitAsync(Patience);
            RecordLines(life);
        }

        foreach (var (runId, body) in bodies)
        {
            Assert.That(await File.ReadAllBytesAsync(Path.Combine(_deliveries, $"{runId}.csv")), Is.EqualTo(body), runId);
        }

        Assert.That(Directory.GetFiles(_deliveries).Select(Path.GetFileName), Is.EquivalentTo(bodies.Keys.Select(r => $"{r}.csv")), "no partial copy, nothing else");
        Assert.That(Directory.GetFiles(_spool, "*.spool", SearchOption.AllDirectories), Is.Empty, "no spooled body outlives its delivery or its process");
        Assert.That(_answers, Has.None.EqualTo(HttpStatusCode.Conflict), "no 409 for a run nobody holds");

        var stored = Count(StoredLine());
        var entered = _lines.Select(l => EnterLine().Match(l)).Where(m => m.Success).ToLookup(m => m.Groups["run"].Value, m => (int.Parse(m.Groups["attempt"].Value, System.Globalization.CultureInfo.InvariantCulture), bool.Parse(m.Groups["may"].Value)));
        Assert.Multiple(() =>
        {
            foreach (var runId in bodies.Keys)
            {
                Assert.That(stored[runId], Is.EqualTo(runId == "run_11" ? 2 : 1), $"{runId} stored");
            }

            Assert.That(entered["run_03"], Is.EqualTo(new[] { (1, false), (2, true) }), "killed mid-handler: run again at once, and told the first call may have finished");
            Assert.That(entered["run_11"], Is.EqualTo(new[] { (1, false), (2, true) }), "killed after its handler: the one run handled twice, and the second call says so");
            Assert.That(entered["run_body"], Is.EqualTo(new[] { (1, false) }), "killed mid-body: the handler never saw the half");
            Assert.That(bodies.Keys.Except(["run_03", "run_11", "run_body"]).Select(r => entered[r].Single()), Is.All.EqualTo((1, false)));
        });
    }

    /// <summary>What the service does: post, and on anything but a 2xx (or no answer) post again, signed anew.</summary>
    private async Task SendUntilDeliveredAsync(string runId, byte[] body, TaskCompletionSource? halfSent)
    {
        while (true)
        {
            try
            {
                using var request = Deliveries.Request(_address, runId, body);
                if (halfSent is not null)
                {
                    request.Content = new HalfThenHangContent(body, halfSent, _receiverKilled, request.Content!.Headers);
                    halfSent = null;
                }

                using var response = await Deliveries.Http.SendAsync(request);
                lock (_answers)
                {
                    _answers.Add(response.StatusCode);
                }

                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                // Refused while the receiver is down, or reset when it died: try again.
            }

            await Task.Delay(50);
        }
    }

    private static async Task DeliveredAsync(List<Task> senders, int except)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (senders.Count(s => !s.IsCompleted) > except)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Waits until the receiver has part of a body on disk, so the kill leaves a spooled copy behind.</summary>
    private async Task SpooledAsync(long minimum)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!Directory.EnumerateFiles(_spool, "*", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length >= minimum))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private async Task<RunningProcess> StartAsync(string? hang)
    {
        var receiver = typeof(CrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashReceiver").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { WorkingDirectory = _root };
        start.ArgumentList.Add(receiver);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        start.Environment["HELODATA_WEBHOOK_SECRET"] = Deliveries.Secret;
        start.Environment["HELODATA_WEBHOOK_DIR"] = _deliveries;
        start.Environment["CRASH_RECEIVER_SPOOL"] = _spool;
        start.Environment["CRASH_RECEIVER_HANG"] = hang ?? string.Empty;
        var process = RunningProcess.Start(start);
        await process.WaitForLineAsync("listening", Patience);
        return process;
    }

    private void Kill(RunningProcess life)
    {
        life.Kill();
        RecordLines(life);
    }

    private void RecordLines(RunningProcess life) => _lines.AddRange(life.Lines);

    private Dictionary<string, int> Count(Regex line) =>
        _lines.Select(l => line.Match(l)).Where(m => m.Success).GroupBy(m => m.Groups["run"].Value).ToDictionary(g => g.Key, g => g.Count());

    [GeneratedRegex(@"^stored (?<run>run_\w+)$")]
    private static partial Regex StoredLine();

    [GeneratedRegex(@"^enter (?<run>run_\w+) attempt=(?<attempt>\d+) may=(?<may>True|False)$")]
    private static partial Regex EnterLine();

    /// <summary>Sends the first half of the body, says so, and never sends the rest: a sender cut off mid-body.</summary>
    private sealed class HalfThenHangContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _halfSent;
        private readonly TaskCompletionSource _receiverKilled;

        public HalfThenHangContent(byte[] body, TaskCompletionSource halfSent, TaskCompletionSource receiverKilled, System.Net.Http.Headers.HttpContentHeaders headers)
        {
            _body = body;
            _halfSent = halfSent;
            _receiverKilled = receiverKilled;
            Headers.ContentType = headers.ContentType;
            Headers.ContentLength = body.Length;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_body.AsMemory(0, _body.Length / 2));
            await stream.FlushAsync();
            _halfSent.TrySetResult();

            // Until the receiver is dead; then this attempt fails as a sender's would, and the retry sends it whole.
            await _receiverKilled.Task;
            throw new IOException("The receiver died mid-body.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
