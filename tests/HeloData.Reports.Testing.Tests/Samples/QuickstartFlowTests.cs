using System.Globalization;
using System.Text.RegularExpressions;
using HeloData.Reports.Quickstart;

namespace HeloData.Reports.Testing.Tests.Samples;

/// <summary>The README's first command, the quickstart's flow, against the sandbox it embeds.</summary>
public sealed partial class QuickstartFlowTests
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    [Test]
    public async Task The_quickstart_flow_prints_every_step_and_leaves_no_report_behind()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = new RunTimeline(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)) });
        using var client = sandbox.CreateClient();
        using var output = new StringWriter();

        await new QuickstartFlow(client, output).RunAsync(CancellationToken.None);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.That(lines[0], Does.Match("^1\\. Created report rep_\\w+ 'weekly-traffic' \\(traffic, csv, schedule '0 9 \\* \\* MON'\\)$"));
        Assert.That(lines[1], Does.StartWith("2. Next 3 scheduled runs: Mon "));
        Assert.That(lines[2], Does.Match("^3\\. Started run run_\\w+ for 2026-05-01\\.\\.2026-05-28$"));
        Assert.That(lines[3], Does.StartWith("4. Waiting:").And.EndWith("completed"));
        Assert.That(lines[4], Does.StartWith("5. Downloaded "));
        Assert.That(lines[5], Is.EqualTo("6. First lines:"));
        Assert.That(lines[6], Is.EqualTo("   date,subuser_id,product,bandwidth_bytes,requests"));
        Assert.That(output.ToString(), Does.Contain("7. Deleted report"));
        Assert.That(output.ToString(), Does.Not.Contain(sandbox.ApiKey));
        Assert.That(sandbox.ReportCount, Is.Zero);
        Assert.That(sandbox.DownloadHostSawCredentials, Is.False);

        // The typed summary (step 6, after the first lines) against totals summed here from the downloaded csv by hand.
        var path = Downloaded().Match(lines[4]).Groups["path"].Value;
        try
        {
            var records = File.ReadAllLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')).ToList();
            var expected = records
                .GroupBy(fields => fields[2])
                .ToDictionary(group => group.Key, group => group.Sum(fields => long.Parse(fields[3], CultureInfo.InvariantCulture)));
            Assert.That(expected.Keys, Is.EquivalentTo(new[] { "residential", "mobile" }), "the report filters on these two products");

            Assert.That(lines[11], Is.EqualTo($"   Read as TrafficRow: {records.Count.ToString("N0", CultureInfo.InvariantCulture)} rows, bandwidth per product:"));
            var printed = new List<(string Product, long Bytes)>();
            foreach (var line in lines[12..(12 + expected.Count)])
            {
                var match = ProductTotal().Match(line);
                Assert.That(match.Success, $"not a product total: '{line}'");
                var bytes = long.Parse(match.Groups["bytes"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                var shown = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
                var scale = Math.Pow(1024, Array.IndexOf(Units, match.Groups["unit"].Value));
                Assert.That(shown, Is.EqualTo(bytes / scale).Within(0.05), $"the human-readable size of '{line}'");
                Assert.That(bytes / scale, Is.GreaterThanOrEqualTo(1).And.LessThan(1024), $"the unit of '{line}'");
                printed.Add((match.Groups["product"].Value, bytes));
            }

            Assert.That(printed.ToDictionary(total => total.Product, total => total.Bytes), Is.EquivalentTo(expected));
            Assert.That(printed.Select(total => total.Bytes), Is.Ordered.Descending);
            Assert.That(lines[12 + expected.Count], Does.StartWith("7. Deleted report"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task A_failed_run_fails_the_flow_with_its_code_and_the_report_is_still_deleted()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Failing("internal_error", "exporter crashed", TimeSpan.Zero) });
        using var client = sandbox.CreateClient();
        using var output = new StringWriter();

        var error = await Fails.With(() => new QuickstartFlow(client, output).RunAsync(CancellationToken.None));

        Assert.That(error.ErrorCode.ToString(), Is.EqualTo("internal_error"));
        Assert.That(output.ToString(), Does.Contain("7. Deleted report"));
        Assert.That(sandbox.ReportCount, Is.Zero);
    }

    [GeneratedRegex("^5\\. Downloaded [0-9,]+ bytes to (?<path>.+)$")]
    private static partial Regex Downloaded();

    [GeneratedRegex("^     (?<product>[a-z_]+) +(?<value>[0-9]+(\\.[0-9])?) (?<unit>B|KiB|MiB|GiB|TiB|PiB|EiB) \\((?<bytes>[0-9,]+) bytes\\)$")]
    private static partial Regex ProductTotal();
}
