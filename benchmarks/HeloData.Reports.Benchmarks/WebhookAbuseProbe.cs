using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 18: disk and memory a webhook receiver holds while 50 senders who cannot sign each push a 100 MiB
/// body at once: <c>dotnet run -c Release -- webhook-abuse [unsigned|forged] [senders] [MiB]</c>.
/// </summary>
/// <remarks>
/// The receiver (defaults but the temporary folder) runs in a child process (this program,
/// <c>webhook-abuse-receiver</c>), so only its memory is counted. <c>unsigned</c> senders send no
/// <c>webhook-signature</c>; <c>forged</c> ones send well-formed headers with a made-up signature, so only
/// the body can prove them wrong. Each sender writes its whole body as fast as it can unless answered or cut
/// off first. Sampled every 20 ms: bytes and files under the receiver's temporary folder, and the child's
/// resident set (its kernel high-water mark, VmHWM, reset after the warm-up, on Linux).
/// </remarks>
internal static class WebhookAbuseProbe
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args is [var m, ..] ? m : "unsigned";
        var senders = args is [_, var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 50;
        var bodyBytes = (args is [_, _, var mib, ..] ? long.Parse(mib, CultureInfo.InvariantCulture) : 100) * 1024 * 1024;
        var temp = Directory.CreateTempSubdirectory("helodata-webhook-abuse-").FullName;
        using var receiver = StartReceiver(temp);
        try
        {
            var address = new Uri(await receiver.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The receiver did not start."));

            // Warm-up: one sender of each kind with a small body, so the JIT and the first buffers are not counted.
            await SendAsync(address, "unsigned", "run_warm_unsigned", 1024);
            await SendAsync(address, "forged", "run_warm_forged", 1024);
            await Task.Delay(500);
            var baseline = Status(receiver.Id, "VmRSS");
            var highWaterReset = TryResetHighWaterMark(receiver.Id);

            var (peakBytes, peakFiles, peakRss) = (0L, 0, baseline);
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    var files = Directory.GetFiles(temp, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).Where(f => f.Exists && !f.Name.EndsWith(".db", StringComparison.Ordinal)).ToList();
                    peakBytes = Math.Max(peakBytes, files.Sum(f => f.Length));
                    peakFiles = Math.Max(peakFiles, files.Count(f => f.Length > 0));
                    peakRss = Math.Max(peakRss, Status(receiver.Id, "VmRSS"));
                    await Task.Delay(20);
                }
            });

            var clock = Stopwatch.StartNew();
            var statuses = await Task.WhenAll(Enumerable.Range(0, senders).Select(i => SendAsync(address, mode, $"run_abuse_{i}", bodyBytes)));
            clock.Stop();
            await sampling.CancelAsync();
            await sampler;
            if (highWaterReset)
            {
                peakRss = Math.Max(peakRss, Status(receiver.Id, "VmHWM"));
            }

            var answers = string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}× {g.Key}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"webhook-abuse {mode}: {senders} senders × {Mib(bodyBytes)} in {clock.Elapsed.TotalSeconds:0.0} s; answers: {answers}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  disk: peak {Mib(peakBytes)} in {peakFiles} spool file(s) at once; left after: {Directory.GetFiles(temp, "*.spool", SearchOption.AllDirectories).Length + Directory.GetFiles(temp, "*.tmp", SearchOption.AllDirectories).Length} file(s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  receiver memory: resident {Mib(baseline)} before, peak {Mib(peakRss)} (+{Mib(peakRss - baseline)}){(highWaterReset ? " (VmHWM)" : " (sampled)")}"));
            return 0;
        }
        finally
        {
            await receiver.StandardInput.WriteLineAsync();
            await receiver.WaitForExitAsync();
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>The receiver, as an app would have it: defaults but its temporary folder and store.</summary>
    public static async Task<int> ServeAsync(string temp)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHeloReportsWebhooks(o =>
        {
            o.SigningSecrets = [Secret];
            o.TemporaryDirectory = temp;
            o.StorePath = Path.Combine(temp, "handled.db");
        });
        var app = builder.Build();
        app.MapHeloReportsWebhook("/hooks", (_, _) => Task.CompletedTask);
        await app.StartAsync();
        Console.WriteLine(app.Urls.First() + "/hooks");
        await Console.In.ReadLineAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>One sender on a bare socket: the head, then the body as fast as it goes; returns the answer's status, or 0 when cut off without one.</summary>
    private static async Task<int> SendAsync(Uri address, string mode, string runId, long bodyBytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"POST {address.PathAndQuery} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Length: {bodyBytes}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"webhook-id: {runId}\r\nwebhook-timestamp: {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}\r\n");
        if (mode == "forged")
        {
            head.Append("webhook-signature: v1,").Append(Convert.ToBase64String(new byte[32])).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        var answer = ReadStatusAsync(stream);
        var chunk = new byte[64 * 1024];
        try
        {
            for (var sent = 0L; sent < bodyBytes && !answer.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, bodyBytes - sent)));
            }
        }
        catch (IOException)
        {
            // cut off by the receiver
        }

        try
        {
            return await answer.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (Exception exception) when (exception is IOException or TimeoutException)
        {
            return 0;
        }
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < 2 || line[^1] != '\n')
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return 0;
            }

            line.Add(one[0]);
        }

        return int.Parse(Encoding.ASCII.GetString([.. line]).Split(' ')[1], CultureInfo.InvariantCulture);
    }

    // Linux: kB figures from /proc/{pid}/status.
    private static long Status(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // Writing 5 to clear_refs resets VmHWM to the current resident size, so VmHWM is the attack's peak.
    private static bool TryResetHighWaterMark(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static Process StartReceiver(string temp)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("webhook-abuse-receiver");
        start.ArgumentList.Add(temp);
        return Process.Start(start) ?? throw new InvalidOperationException("The receiver process did not start.");
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB");
}
