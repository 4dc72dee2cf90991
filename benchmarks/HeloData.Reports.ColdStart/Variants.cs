using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using HeloData.Reports.Benchmarks;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.ColdStart;

/// <summary>
/// The three cold starts, each as an application would write its first call. Nothing is disposed: the
/// process ends right after, and disposal is no part of the first call's cost.
/// </summary>
internal static class Variants
{
    /// <summary>When the client was ready (built and resolved), before its call: splits set-up from the first call.</summary>
    public static long ClientReadyStamp { get; private set; }

    public static long ClientReadyJitMethods { get; private set; }

#if ONLY_FLOOR || !(ONLY_PEER || ONLY_SDK)
    public static async Task<bool> FloorAsync()
    {
        var client = HandWritten.CreateClient(new CannedRunHandler());
        Ready();
        var run = await HandWritten.GetRunAsync(client, RunFixtures.RunId);
        return run.Status == "completed";
    }
#endif
#if ONLY_PEER || !(ONLY_FLOOR || ONLY_SDK)

    public static async Task<bool> PeerAsync()
    {
        var services = PeerClients.AddPeer(new ServiceCollection(), new CannedRunHandler()).BuildServiceProvider();
        var client = services.GetRequiredService<IPeerRunApi>();
        Ready();
        var run = await client.GetRunAsync(RunFixtures.RunId);
        return run.Status == "completed";
    }
#endif
#if ONLY_SDK || !(ONLY_FLOOR || ONLY_PEER)

    public static async Task<bool> SdkAsync()
    {
        var services = SdkClients.AddHeloReports(new ServiceCollection(), new CannedRunHandler()).BuildServiceProvider();
        var client = services.GetRequiredService<IReportsClient>();
        Ready();
        var run = await client.GetRunAsync(RunFixtures.RunId);
        return run.Status == RunStatus.Completed;
    }
#endif

    private static void Ready()
    {
        ClientReadyStamp = Stopwatch.GetTimestamp();
        ClientReadyJitMethods = JitInfo.GetCompiledMethodCount();
    }
}

/// <summary>The process's own view, from /proc (Linux): no <see cref="System.Diagnostics.Process"/>, which would add its own start-up cost.</summary>
internal static class ProcessClock
{
    /// <summary>
    /// From the kernel's start time of this process (fork, before exec) to now, both on the boot clock in
    /// clock ticks, so 10 ms granular: a cross-check of the probe's launch stamp, not a figure of its own.
    /// </summary>
    public static double MillisecondsSinceStart()
    {
        var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 is fields[0]
        var startTicks = long.Parse(fields[19], CultureInfo.InvariantCulture); // field 22, starttime
        return (uptime * 100 - startTicks) * 10; // USER_HZ is 100 on Linux
    }

    /// <summary>VmHWM, the value <see cref="System.Diagnostics.Process.PeakWorkingSet64"/> reads on Linux.</summary>
    public static long PeakWorkingSetKib()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
