using System.Globalization;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Cold start: <c>dotnet run -c Release -- coldstart [runs] [--no-aot]</c>. A new process per variant
/// (floor, peer, SDK) builds its client and makes one call against an in-memory handler, then exits.
/// Each variant is its own build of benchmarks/HeloData.Reports.ColdStart, as a JIT app and as a Native
/// AOT binary. The processes run in interleaved rounds (one unrecorded round first, for the disk cache),
/// and the table gives the median and (in brackets) the best of the rounds. Then the JIT breakdown (<see cref="JitMap"/>).
/// </summary>
/// <remarks>
/// Wall time is measured twice: from the probe's clock stamp just before <c>Process.Start</c> to the
/// call's end, read by the app on the same monotonic clock (what the target is about), and from outside,
/// to the process's exit. The app also reads its start from /proc, 10 ms granular, as a cross-check.
/// </remarks>
internal static class ColdStartProbe
{
    private sealed record App(string Name, string Variant, string Executable, bool Aot);

    public static int Run(string[] args)
    {
        var aot = !args.Contains("--no-aot");
        var runs = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray() is [var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 20;
        Console.WriteLine("Cold start: building benchmarks/HeloData.Reports.ColdStart, one build per variant…");
        var apps = new List<App>();
        foreach (var variant in ColdStartApps.Variants)
        {
            var executable = ColdStartApps.Build(variant, aot: false) ?? throw new InvalidOperationException($"The JIT build of '{variant}' failed.");
            apps.Add(new App($"{variant} (JIT)", variant, executable, Aot: false));
        }

        foreach (var variant in aot ? ColdStartApps.Variants : [])
        {
            // The SDK's AOT figure is the one asked for; the others are context, skipped if they do not publish.
            if (ColdStartApps.Build(variant, aot: true) is { } executable)
            {
                apps.Add(new App($"{variant} (Native AOT)", variant, executable, Aot: true));
            }
        }

        Directory.CreateDirectory(ColdStartApps.OutputDirectory);
        var log = Path.Combine(ColdStartApps.OutputDirectory, "coldstart-runs.txt");
        using var writer = new StreamWriter(log);
        foreach (var app in apps)
        {
            ColdStartApps.Run(app.Executable, app.Variant);
        }

        var samples = apps.ToDictionary(a => a, _ => new List<Dictionary<string, string>>());
        for (var round = 0; round < runs; round++)
        {
            // Rotated each round, so no variant always runs right after the same neighbour.
            for (var i = 0; i < apps.Count; i++)
            {
                var app = apps[(i + round) % apps.Count];
                var figures = ColdStartApps.Run(app.Executable, app.Variant);
                samples[app].Add(figures);
                writer.WriteLine($"round={round} app=\"{app.Name}\" {string.Join(' ', figures.Select(f => $"{f.Key}={f.Value}"))}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Cold start: {runs} interleaved rounds (one more unrecorded first), median (best) per variant. Every run: {log}");
        Console.WriteLine();
        Console.WriteLine("| variant | start → call end | start → exit (outside) | CPU to call end | start → Main | Main → client ready | ready → call end | peak working set | allocated | methods JIT-compiled (set-up + call) | JIT time | assemblies |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var app in apps)
        {
            var s = samples[app];
            var (jit, ready) = (Median(s, "jit_methods"), Median(s, "jit_methods_at_client_ready"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {app.Name} | {Ms(s, "launch_to_call_end_ms")} | {Ms(s, "outside_wall_ms")} | {Ms(s, "cpu_to_call_end_ms")} | {Median(s, "launch_to_main_ms"):0} ms | " +
                $"{Median(s, "main_to_client_ready_ms"):0} ms | {Median(s, "ready_to_call_end_ms"):0} ms | " +
                $"{Median(s, "peak_working_set_kib") / 1024:0.0} MiB | {Median(s, "allocated_kib") / 1024:0.0} MiB | {jit:0} ({ready:0} + {jit - ready:0}) | {Median(s, "jit_ms"):0} ms | {Median(s, "assemblies"):0} |"));
        }

        var byName = apps.ToDictionary(a => a.Name);
        var peer = samples[byName["peer (JIT)"]];
        Console.WriteLine();
        foreach (var name in new[] { "sdk (JIT)", "floor (JIT)", "sdk (Native AOT)" }.Where(byName.ContainsKey))
        {
            var s = samples[byName[name]];
            var target = name == "sdk (JIT)" ? " (target ≤ 0.70)" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} / peer (JIT), start → call end: median {Median(s, "launch_to_call_end_ms") / Median(peer, "launch_to_call_end_ms"):0.00}×, " +
                $"best {Best(s, "launch_to_call_end_ms") / Best(peer, "launch_to_call_end_ms"):0.00}×; outside: median " +
                $"{Median(s, "outside_wall_ms") / Median(peer, "outside_wall_ms"):0.00}×; CPU time: median " +
                $"{Median(s, "cpu_to_call_end_ms") / Median(peer, "cpu_to_call_end_ms"):0.00}×, best {Best(s, "cpu_to_call_end_ms") / Best(peer, "cpu_to_call_end_ms"):0.00}×{target}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Cross-check, start → call end from /proc (10 ms ticks, from fork): sdk (JIT) median {Median(samples[byName["sdk (JIT)"]], "proc_start_to_call_end_ms"):0} ms."));
        Console.WriteLine();
        JitMap.Run([.. apps.Where(a => !a.Aot).Select(a => (a.Variant, a.Executable))]);
        return 0;
    }

    private static string Ms(List<Dictionary<string, string>> samples, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(samples, key):0} ms ({Best(samples, key):0})");

    private static double[] Values(List<Dictionary<string, string>> samples, string key) =>
        [.. samples.Select(s => double.Parse(s[key], CultureInfo.InvariantCulture)).Order()];

    private static double Median(List<Dictionary<string, string>> samples, string key)
    {
        var values = Values(samples, key);
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
    }

    private static double Best(List<Dictionary<string, string>> samples, string key) => Values(samples, key)[0];
}
