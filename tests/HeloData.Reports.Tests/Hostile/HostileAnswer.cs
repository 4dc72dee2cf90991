using System.Text.Json.Nodes;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>Which operations an answer is aimed at: a body shaped for one model says little about another.</summary>
[Flags]
public enum Targets
{
    Report = 1,
    Delete = 2,
    List = 4,
    Accepted = 8,
    Run = 16,

    /// <summary>The download host answers this, behind a good completed run.</summary>
    DownloadHost = 32,

    /// <summary>The API answers this run, whose <c>download_url</c> is the hostile part.</summary>
    DownloadUrl = 64,

    Api = Report | Delete | List | Accepted | Run,
    All = Api | DownloadHost,
}

/// <summary>One row of the hostile table: a readable name (the test case's name) and the raw answer.</summary>
public sealed class HostileAnswer(string name, Targets targets, RawAnswer answer)
{
    public string Name { get; } = name;

    public Targets Targets { get; } = targets;

    public RawAnswer Answer { get; } = answer;

    public override string ToString() => Name;
}

/// <summary>The contract's example bodies, and edits of them, for building hostile rows.</summary>
internal static class ContractBodies
{
    public static string Report => ContractDocuments.ContractReport;

    public static string Run => ContractDocuments.ContractRun;

    public static string Accepted => ContractDocuments.SeedRunAccepted;

    public static string Error => ContractDocuments.ContractError;

    /// <summary>A list page as the contract describes it, built from its report and run examples.</summary>
    public static string List =>
        new JsonObject { ["reports"] = new JsonArray(JsonNode.Parse(Report)), ["recent_runs"] = new JsonArray(JsonNode.Parse(Run)), ["next_cursor"] = null }.ToJsonString();

    /// <summary>A completed run whose artifact waits at <paramref name="downloadUrl"/>.</summary>
    public static string CompletedRun(string? downloadUrl) =>
        Edit(Run, run => (run["download_url"], run["download_url_expires_at"]) = (downloadUrl, null));

    public static string RunningRun => Edit(Run, run => (run["status"], run["completed_at"], run["download_url"], run["download_url_expires_at"]) = ("running", null, null, null));

    public static string ErrorBody(string code, string message) => Edit(Error, e => (e["error"]!["code"], e["error"]!["message"]) = (code, message));

    public static string Edit(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }
}
