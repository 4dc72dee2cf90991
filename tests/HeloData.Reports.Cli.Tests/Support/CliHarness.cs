using System.Text;
using System.Text.Json.Nodes;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Tests.Support;

/// <summary>One run of the tool, in-process: its exit code and everything it wrote.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new AssertionException($"stdout is JSON null\n{this}");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs <see cref="CliApp"/> as a shell would, against a sandbox, with captured writers and only the environment the test gives.</summary>
internal static class CliHarness
{
    public static Task<CliResult> RunAsync(ReportsSandbox sandbox, params string[] args) =>
        RunAsync(Environment(sandbox), args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, string[] args, CancellationToken cancellationToken = default, bool terminal = false, TimeProvider? time = null, TextWriter? stderr = null, string? stdin = null)
    {
        var output = new StringWriter();
        var error = stderr ?? new StringWriter();
        // Progress lines come from a timer as well as from the command: the writers must take both.
        var code = await CliApp.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), name => environment.GetValueOrDefault(name), cancellationToken, terminal, time, stdin is null ? null : new StringReader(stdin));
        return new CliResult(code, output.ToString(), error.ToString()!);
    }

    /// <summary>
    /// <c>--json</c> is the service's document: every member the service sent, with its value. The one
    /// difference the SDK's models allow: a member the service left out, that the model knows, is written
    /// as <c>null</c> (which <c>jq</c> reads the same as absent).
    /// </summary>
    public static void AssertSameDocument(JsonNode? printed, JsonNode? sent)
    {
        if (printed is JsonObject printedObject && sent is JsonObject sentObject)
        {
            Assert.Multiple(() =>
            {
                foreach (var (name, value) in sentObject)
                {
                    Assert.That(printedObject.ContainsKey(name), Is.True, $"'{name}' is missing from {printed.ToJsonString()}");
                    AssertSameDocument(printedObject[name], value);
                }

                foreach (var (name, value) in printedObject.Where(member => !sentObject.ContainsKey(member.Key)))
                {
                    Assert.That(value, Is.Null, $"'{name}' was not sent, so it may only be null");
                }
            });
            return;
        }

        if (printed is JsonArray printedArray && sent is JsonArray sentArray)
        {
            Assert.That(printedArray, Has.Count.EqualTo(sentArray.Count));
            for (var i = 0; i < sentArray.Count; i++)
            {
                AssertSameDocument(printedArray[i], sentArray[i]);
            }

            return;
        }

        Assert.That(JsonNode.DeepEquals(printed, sent), Is.True, $"{printed?.ToJsonString()} is not {sent?.ToJsonString()}");
    }

    public static Dictionary<string, string> Environment(ReportsSandbox sandbox) => new()
    {
        ["HELODATA_BASE_URL"] = sandbox.ApiBaseAddress.ToString(),
        ["HELODATA_API_KEY"] = sandbox.ApiKey,
    };

    /// <summary>What the sandbox itself answers to a GET, byte for byte as JSON: the reference a <c>--json</c> output must equal.</summary>
    public static async Task<JsonNode> GetRawAsync(ReportsSandbox sandbox, string path)
    {
        using var http = new HttpClient { BaseAddress = sandbox.ApiBaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.ApiKey);
        var body = await http.GetStringAsync(path);
        return JsonNode.Parse(body)!;
    }
}

/// <summary>A stderr that cancels when the tool writes a given text: Ctrl-C at a known point, with no timing involved.</summary>
internal sealed class CancelOnWrite(string trigger, CancellationTokenSource interrupt) : StringWriter
{
    private readonly StringBuilder _seen = new();

    public override void Write(char value)
    {
        base.Write(value);
        Check(value.ToString());
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check(value);
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Check(value);
    }

    private void Check(string? value)
    {
        _seen.Append(value);
        if (_seen.ToString().Contains(trigger, StringComparison.Ordinal))
        {
            interrupt.Cancel();
        }
    }
}
