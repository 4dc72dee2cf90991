using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace HeloData.Reports.Cli.Tests.Support;

/// <summary>The built programs the end-to-end tests start as processes of their own (recorded by the test project at build time).</summary>
internal static class BuiltTool
{
    /// <summary>The built dll named <paramref name="name"/>: <c>Cli</c> (helodata-reports) or <c>SandboxHost</c>.</summary>
    public static string Dll(string name) =>
        typeof(BuiltTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == name).Value!;

    /// <summary>
    /// How to start <paramref name="dll"/> in <paramref name="folder"/> with its output redirected, and without the
    /// developer's own key or address: only what the test sets reaches it.
    /// </summary>
    public static ProcessStartInfo Start(string dll, string folder, IEnumerable<string>? args = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(dll);
        start.Environment.Remove("HELODATA_API_KEY");
        start.Environment.Remove("HELODATA_BASE_URL");
        foreach (var arg in args ?? [])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
