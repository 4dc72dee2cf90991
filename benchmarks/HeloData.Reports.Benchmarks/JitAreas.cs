using System.Text.RegularExpressions;

namespace HeloData.Reports.Benchmarks;

/// <summary>One line of the JIT's method summary (<c>DOTNET_JitDisasmSummary=1</c>), parsed and attributed to an area.</summary>
/// <remarks><see cref="FirstCall"/>: compiled after the client was built and resolved, during its first call;
/// <see cref="IlBytes"/>: the method's IL size, a rough proxy for the time the JIT spent on it.</remarks>
internal sealed record JitMethod(string Method, string Tier, string DeclaringType, string Area, string? ValueTypeArgument, int IlBytes, bool FirstCall = false);

/// <summary>
/// Attributes a JIT-compiled method to the library it belongs to: by the assembly of its declaring type
/// (from the app's type map), and for the BCL's generic plumbing (async builders, collections, delegates)
/// by the first non-BCL type it is instantiated over, since that is the code that made the JIT compile it
/// (<c>AsyncMethodBuilderCore.Start&lt;Polly…d__5&gt;</c> is Polly's, <c>Dictionary&lt;ServiceCacheKey, …&gt;</c> is DI's).
/// </summary>
internal static partial class JitAreas
{
    public const string SdkOwn = "SDK: own code";

    // "  12: JIT compiled Namespace.Type`1[System.__Canon]:Method(System.String) [Tier0, IL size=7, code size=35]"
    [GeneratedRegex(@"^\s*\d+: JIT compiled (?<method>.+) \[(?<tier>[^,\]]+)(, IL size=(?<il>\d+))?(, code size=\d+)?\]\s*$")]
    private static partial Regex SummaryLine();

    public static JitMethod? Parse(string line, IReadOnlyDictionary<string, string> assemblyOf)
    {
        var match = SummaryLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var method = match.Groups["method"].Value;
        var colon = TopLevelIndexOf(method, ':');
        var type = colon < 0 ? method : method[..colon];
        var parameters = TopLevelIndexOf(method, '(');
        var signature = parameters < 0 ? method : method[..parameters];
        var typeDefinition = StripArguments(type);
        var arguments = GenericArguments(signature).ToList();
        var valueType = arguments.FirstOrDefault(a => a != "System.__Canon");
        var area = AreaOf(typeDefinition, assemblyOf);
        if (area.StartsWith("BCL: ", StringComparison.Ordinal))
        {
            var owner = arguments.SelectMany(TypeNames).Select(t => AreaOf(t, assemblyOf)).FirstOrDefault(a => !a.StartsWith("BCL: ", StringComparison.Ordinal));
            area = owner ?? area;
        }

        var il = match.Groups["il"].Success ? int.Parse(match.Groups["il"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new JitMethod(method, match.Groups["tier"].Value, typeDefinition, area, valueType, il);
    }

    public static string AreaOf(string type, IReadOnlyDictionary<string, string> assemblyOf)
    {
        if (type == "(dynamicClass)")
        {
            return "reflection invoke stubs";
        }

        var assembly = assemblyOf.TryGetValue(type, out var a) ? a : Guess(type);
        return assembly switch
        {
            "HeloData.Reports" when type.StartsWith("Refit.", StringComparison.Ordinal) => "Refit",
            "HeloData.Reports" when type.StartsWith("HeloData.Reports.Serialization.", StringComparison.Ordinal) => "SDK: JSON context & converters",
            "HeloData.Reports" => SdkOwn,
            "HeloData.Reports.ColdStart" when type.StartsWith("Refit.", StringComparison.Ordinal) => "Refit",
            "HeloData.Reports.ColdStart" when type.Contains("JsonContext", StringComparison.Ordinal) => "app: JSON context",
            "HeloData.Reports.ColdStart" => "app: Main, DTO, handler, registration",
            "Refit" or "Refit.HttpClientFactory" => "Refit",
            _ when assembly.StartsWith("Polly", StringComparison.Ordinal) => "Polly & resilience",
            "Microsoft.Extensions.Http.Resilience" or "Microsoft.Extensions.Resilience" or "System.Threading.RateLimiting" => "Polly & resilience",
            _ when assembly.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal) => "DI",
            _ when assembly.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal) => "options",
            _ when assembly.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal) => "logging",
            "Microsoft.Extensions.Http" => "HttpClientFactory",
            "System.Diagnostics.DiagnosticSource" => "telemetry (metrics, activities, enrichment)",
            _ when assembly.StartsWith("Microsoft.Extensions.Diagnostics", StringComparison.Ordinal)
                || assembly.StartsWith("Microsoft.Extensions.Telemetry", StringComparison.Ordinal)
                || assembly.StartsWith("Microsoft.Extensions.Compliance", StringComparison.Ordinal)
                || assembly == "Microsoft.Extensions.Http.Diagnostics" => "telemetry (metrics, activities, enrichment)",
            "System.ComponentModel.Annotations" => "options validation (DataAnnotations)",
            "System.Text.Json" => "JSON (System.Text.Json)",
            _ when assembly.StartsWith("System.Net", StringComparison.Ordinal) => "HTTP stack (System.Net.*)",
            _ when assembly.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal) || assembly == "Microsoft.Extensions.Primitives" => "configuration & primitives",
            _ when assembly.StartsWith("Microsoft.", StringComparison.Ordinal) => $"other: {assembly}",
            _ => Bcl(type),
        };
    }

    // The BCL by namespace; "BCL: " areas are re-attributed to the type they are instantiated over, if any.
    private static string Bcl(string type) => type switch
    {
        _ when type.StartsWith("System.Diagnostics.Tracing.", StringComparison.Ordinal)
            || type.StartsWith("System.Diagnostics.Metrics.", StringComparison.Ordinal) => "telemetry (metrics, activities, enrichment)",
        _ when type.StartsWith("System.Reflection.", StringComparison.Ordinal) || type.StartsWith("System.RuntimeType", StringComparison.Ordinal)
            || type.StartsWith("System.Attribute", StringComparison.Ordinal) => "BCL: reflection & attributes",
        _ when type.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal)
            || type.StartsWith("System.Threading.Tasks.", StringComparison.Ordinal) => "BCL: async machinery",
        _ when type.StartsWith("System.Collections.", StringComparison.Ordinal) || type.StartsWith("System.Linq.", StringComparison.Ordinal) => "BCL: collections & LINQ",
        _ => "BCL: other",
    };

    // Without the type map (a type the app could not list): the assembly from the namespace.
    private static string Guess(string type)
    {
        foreach (var prefix in (string[])["HeloData.Reports.Benchmarks", "HeloData.Reports.ColdStart", "Program", "<Module>"])
        {
            if (type.StartsWith(prefix, StringComparison.Ordinal))
            {
                return "HeloData.Reports.ColdStart";
            }
        }

        var dot = type.IndexOf('.', type.IndexOf('.') + 1);
        return type.StartsWith("HeloData.Reports", StringComparison.Ordinal) ? "HeloData.Reports"
            : type.StartsWith("Refit", StringComparison.Ordinal) ? "Refit"
            : type.StartsWith("Polly", StringComparison.Ordinal) ? "Polly.Core"
            : type.StartsWith("System.Text.Json", StringComparison.Ordinal) ? "System.Text.Json"
            : type.StartsWith("System.Net", StringComparison.Ordinal) ? "System.Net.Http"
            : dot > 0 ? type[..dot] : type;
    }

    // The type names inside a generic argument: "Polly.Outcome`1[System.__Canon]" gives "Polly.Outcome`1" and "System.__Canon".
    private static IEnumerable<string> TypeNames(string argument) =>
        argument.Split(['[', ']', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t.Contains('.', StringComparison.Ordinal));

    private static IEnumerable<string> GenericArguments(string signature)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < signature.Length; i++)
        {
            switch (signature[i])
            {
                case '[':
                    if (depth++ == 0)
                    {
                        start = i + 1;
                    }

                    break;
                case ']':
                    if (--depth == 0)
                    {
                        foreach (var argument in SplitTopLevel(signature[start..i]))
                        {
                            yield return argument;
                        }
                    }

                    break;
            }
        }
    }

    private static IEnumerable<string> SplitTopLevel(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            if (i == list.Length || (list[i] == ',' && depth == 0))
            {
                yield return list[start..i].Trim();
                start = i + 1;
            }
            else if (list[i] == '[')
            {
                depth++;
            }
            else if (list[i] == ']')
            {
                depth--;
            }
        }
    }

    private static string StripArguments(string type)
    {
        var bracket = type.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? type : type[..bracket] + StripArguments(type[(type.LastIndexOf(']') + 1)..]);
    }

    private static int TopLevelIndexOf(string text, char wanted)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
            if (depth == 0 && text[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }
}
