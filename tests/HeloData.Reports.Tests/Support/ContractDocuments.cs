using System.Text.RegularExpressions;

namespace HeloData.Reports.Tests.Support;

/// <summary>
/// The examples of the published API page and of the contract file, read from verbatim copies in
/// ContractDocs/, so the tests check the SDK against the documents themselves rather than a retyping.
/// </summary>
internal static partial class ContractDocuments
{
    private static readonly string Folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "ContractDocs");

    public static string SeedPage { get; } = File.ReadAllText(Path.Combine(Folder, "reports-api.md"));

    public static string ContractFile { get; } = File.ReadAllText(Path.Combine(Folder, "reports-api-contract.md"));

    /// <summary>The published <c>POST /reports</c> body (the schedule example's <c>-d '…'</c>).</summary>
    public static string SeedCreateBody => CurlBodies(SeedPage).Single(b => b.Contains("\"schedule\"", StringComparison.Ordinal));

    /// <summary>The published run-on-demand body.</summary>
    public static string SeedRunWindowBody => CurlBodies(SeedPage).Single(b => b.Contains("\"from\"", StringComparison.Ordinal));

    /// <summary>The published run-on-demand answer (<c>{"run_id", "status"}</c>).</summary>
    public static string SeedRunAccepted => JsonBlocks(SeedPage).Single();

    public static string ContractReport => ContractBlock("\"next_run_at\"");

    public static string ContractRun => ContractBlock("\"download_url\"");

    public static string ContractError => ContractBlock("\"request_id\"");

    private static string ContractBlock(string marker) =>
        JsonBlocks(ContractFile).Single(b => b.Contains(marker, StringComparison.Ordinal));

    private static IEnumerable<string> JsonBlocks(string markdown) =>
        JsonFence().Matches(markdown).Select(m => m.Groups["json"].Value);

    private static IEnumerable<string> CurlBodies(string markdown) =>
        CurlData().Matches(markdown).Select(m => m.Groups["json"].Value);

    [GeneratedRegex(@"```json\s*\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonFence();

    [GeneratedRegex(@"-d '(?<json>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex CurlData();
}
