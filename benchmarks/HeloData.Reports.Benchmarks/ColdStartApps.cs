using System.Diagnostics;
using System.Globalization;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Builds and starts benchmarks/HeloData.Reports.ColdStart: one build per variant (so a floor process
/// loads nothing of Refit or the SDK), as a plain JIT build and as a Native AOT publish.
/// </summary>
internal static class ColdStartApps
{
    public static readonly string[] Variants = ["floor", "peer", "sdk"];

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string Project => Path.Combine(RepoRoot, "benchmarks", "HeloData.Reports.ColdStart");

    public static string OutputDirectory => Path.Combine(RepoRoot, "BenchmarkDotNet.Artifacts", "coldstart");

    /// <summary>Builds (JIT) or publishes (AOT) one variant; null with the build log printed when it failed.</summary>
    public static string? Build(string variant, bool aot)
    {
        var output = Path.Combine(Project, "bin", "coldstart", $"{(aot ? "aot" : "jit")}-{variant}");
        string[] command = aot
            ? ["publish", Project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true"]
            : ["build", Project, "-c", "Release"];
        var (exitCode, log) = Dotnet([.. command, $"-p:ColdStartVariant={variant}", "-o", output, "-nologo", "-v", "q"]);
        var warnings = log.Split('\n').Count(line => line.Contains(" warning ", StringComparison.Ordinal));
        Console.WriteLine($"  {(aot ? "AOT publish" : "JIT build")} of '{variant}': {(exitCode == 0 ? "ok" : "FAILED")}{(warnings > 0 ? $", {warnings} warning lines" : "")}");
        if (exitCode != 0)
        {
            Console.WriteLine(log);
            return null;
        }

        return Path.Combine(output, "HeloData.Reports.ColdStart");
    }

    /// <summary>
    /// Starts the app, times it from just before <see cref="Process.Start(ProcessStartInfo)"/> to its exit, and returns
    /// the figures it printed (key=value), plus <c>outside_wall_ms</c>.
    /// </summary>
    public static Dictionary<string, string> Run(string executable, string variant, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(variant);

        // Whatever this process was started with, the app's JIT must not be asked to write anything.
        start.Environment.Remove("DOTNET_JitStdOutFile");
        start.Environment.Remove("DOTNET_JitDisasmSummary");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var launched = Stopwatch.GetTimestamp();
        start.Environment["COLDSTART_LAUNCH_STAMP"] = launched.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var outside = Stopwatch.GetElapsedTime(launched);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {variant} exited with {process.ExitCode}: {output}");
        }

        var figures = output.Trim().Split(' ').Select(pair => pair.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        figures["outside_wall_ms"] = outside.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        figures["ready_to_call_end_ms"] = (double.Parse(figures["main_to_call_end_ms"], CultureInfo.InvariantCulture)
            - double.Parse(figures["main_to_client_ready_ms"], CultureInfo.InvariantCulture)).ToString("0.0", CultureInfo.InvariantCulture);
        return figures;
    }

    private static (int ExitCode, string Log) Dotnet(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, log + error.Result);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HeloData.Reports.sln")))
            {
                return directory.FullName;
            }
        }

        // BenchmarkDotNet's own copies run from elsewhere; `dotnet run --project …` is started from the repository.
        return File.Exists("HeloData.Reports.sln") ? Directory.GetCurrentDirectory() : throw new InvalidOperationException("Run from the repository: HeloData.Reports.sln not found.");
    }
}
