using System.Globalization;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Where a JIT cold start goes: each JIT build of the cold-start app runs once more with the JIT's method
/// summary on (<c>DOTNET_JitDisasmSummary=1</c>, <c>DOTNET_JitStdOutFile</c>; both work on release runtimes)
/// and its type map, and every method compiled up to the call's end is attributed to an area
/// (<see cref="JitAreas"/>). Prints the areas side by side, the SDK's own namespaces, the types with most
/// methods and the value types that generic code was copied for; writes each method with its area to
/// BenchmarkDotNet.Artifacts/coldstart/jit-*.tsv. Also on its own: <c>dotnet run -c Release -- coldstart-jit</c>.
/// </summary>
internal static class JitMap
{
    public static int Run(string[] args)
    {
        Console.WriteLine("JIT breakdown: building benchmarks/HeloData.Reports.ColdStart, one build per variant…");
        Run([.. ColdStartApps.Variants.Select(v => (v, ColdStartApps.Build(v, aot: false) ?? throw new InvalidOperationException($"The JIT build of '{v}' failed.")))]);
        return 0;
    }

    public static void Run((string Variant, string Executable)[] apps)
    {
        Directory.CreateDirectory(ColdStartApps.OutputDirectory);
        var methods = apps.ToDictionary(a => a.Variant, a => Collect(a.Variant, a.Executable));
        var variants = methods.Keys.ToArray();
        Console.WriteLine($"JIT breakdown: methods JIT-compiled up to the call's end, by area (value-type generic copies among them in brackets; their IL, a rough proxy for JIT time). Every method: {ColdStartApps.OutputDirectory}/jit-*.tsv");
        Console.WriteLine();
        Table(["area", .. variants, .. variants.Select(v => $"{v}: IL KiB")], methods.Values.SelectMany(m => m).Select(m => m.Area).Distinct()
            .OrderByDescending(area => variants.Max(v => methods[v].Count(m => m.Area == area)))
            .Select(area => (string[])[area, .. variants.Select(v => Cell(methods[v].Where(m => m.Area == area))), .. variants.Select(v => Il(methods[v].Where(m => m.Area == area)))])
            .Append(["**total**", .. variants.Select(v => $"**{Cell(methods[v])}**"), .. variants.Select(v => $"**{Il(methods[v])}**")]));

        Console.WriteLine("Set-up (process start, building and resolving the client) against the first call itself:");
        Console.WriteLine();
        Table(["area", .. variants.Where(v => v != "floor").SelectMany(v => (string[])[$"{v}: set-up", $"{v}: first call"])],
            methods.Values.SelectMany(m => m).Select(m => m.Area).Distinct()
                .OrderByDescending(area => variants.Max(v => methods[v].Count(m => m.Area == area)))
                .Select(area => (string[])[area, .. variants.Where(v => v != "floor").SelectMany(v => (string[])
                    [Cell(methods[v].Where(m => m.Area == area && !m.FirstCall)), Cell(methods[v].Where(m => m.Area == area && m.FirstCall))])])
                .Append(["**total**", .. variants.Where(v => v != "floor").SelectMany(v => (string[])
                    [$"**{Cell(methods[v].Where(m => !m.FirstCall))}**", $"**{Cell(methods[v].Where(m => m.FirstCall))}**"])]));

        Console.WriteLine("By tier: " + string.Join("; ", variants.Select(v =>
            $"{v}: " + string.Join(", ", methods[v].GroupBy(m => m.Tier).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")))));
        Console.WriteLine();

        if (methods.TryGetValue("sdk", out var sdk))
        {
            Console.WriteLine("The SDK's own code, by namespace (the SDK's JSON context and Refit's generated client are counted apart):");
            Console.WriteLine();
            Table(["namespace", "methods"], sdk.Where(m => m.Area == JitAreas.SdkOwn)
                .GroupBy(m => Namespace(m.DeclaringType)).OrderByDescending(g => g.Count()).Select(g => (string[])[g.Key, Count(g.Count())]));
        }

        foreach (var variant in variants.Where(v => v != "floor"))
        {
            Console.WriteLine($"{variant}: the 20 types with most methods compiled (generic instantiations of a type together):");
            Console.WriteLine();
            Table(["type", "area", "methods"], methods[variant].GroupBy(m => (m.DeclaringType, m.Area)).OrderByDescending(g => g.Count()).Take(20)
                .Select(g => (string[])[$"`{g.Key.DeclaringType}`", g.Key.Area, Count(g.Count())]));
            Console.WriteLine($"{variant}: value types that generic code was compiled for (top 12):");
            Console.WriteLine();
            Table(["first value-type argument", "methods", "areas"], methods[variant].Where(m => m.ValueTypeArgument is not null)
                .GroupBy(m => m.ValueTypeArgument!).OrderByDescending(g => g.Count()).Take(12)
                .Select(g => (string[])[$"`{g.Key}`", Count(g.Count()), string.Join(", ", g.GroupBy(m => m.Area).OrderByDescending(a => a.Count()).Select(a => $"{a.Key} {a.Count()}"))]));
        }
    }

    private static List<JitMethod> Collect(string variant, string executable)
    {
        var summary = Path.Combine(ColdStartApps.OutputDirectory, $"jit-{variant}.txt");
        var typeMap = Path.Combine(ColdStartApps.OutputDirectory, $"types-{variant}.tsv");
        File.Delete(summary); // the JIT appends
        var figures = ColdStartApps.Run(executable, variant, new Dictionary<string, string>
        {
            ["DOTNET_JitDisasmSummary"] = "1",
            ["DOTNET_JitStdOutFile"] = summary,
            ["COLDSTART_TYPE_MAP"] = typeMap,
        });

        // The summary goes on past the call's end (printing, the type map): keep what JitInfo counted up to it.
        var upToCallEnd = int.Parse(figures["jit_methods"], CultureInfo.InvariantCulture);
        var assemblyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(typeMap))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            assemblyOf.TryAdd(line[..tab], line[(tab + 1)..]);
        }

        var ready = int.Parse(figures["jit_methods_at_client_ready"], CultureInfo.InvariantCulture);
        var methods = File.ReadLines(summary).Select(line => JitAreas.Parse(line, assemblyOf)).OfType<JitMethod>().Take(upToCallEnd)
            .Select((m, i) => m with { FirstCall = i >= ready }).ToList();
        File.WriteAllLines(Path.Combine(ColdStartApps.OutputDirectory, $"jit-{variant}.tsv"),
            methods.Select(m => $"{m.Area}\t{(m.FirstCall ? "first call" : "set-up")}\t{m.Tier}\t{m.Method}"));
        if (methods.Count != upToCallEnd)
        {
            Console.WriteLine($"  note: {variant}: {methods.Count} summary lines parsed, JitInfo counted {upToCallEnd}.");
        }

        return methods;
    }

    private static string Cell(IEnumerable<JitMethod> methods)
    {
        var list = methods.ToList();
        var copies = list.Count(m => m.ValueTypeArgument is not null);
        return list.Count == 0 ? "" : copies == 0 ? Count(list.Count) : $"{Count(list.Count)} ({Count(copies)})";
    }

    private static string Il(IEnumerable<JitMethod> methods) =>
        methods.Sum(m => m.IlBytes) is var bytes and > 0 ? (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Namespace(string type)
    {
        var name = type.Split('+')[0];
        return name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : name;
    }

    private static void Table(string[] header, IEnumerable<string[]> rows)
    {
        Console.WriteLine($"| {string.Join(" | ", header)} |");
        Console.WriteLine($"| --- |{string.Concat(Enumerable.Repeat(" ---: |", header.Length - 1))}");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {string.Join(" | ", row)} |");
        }

        Console.WriteLine();
    }
}
