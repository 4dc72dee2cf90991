using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace HeloData.Reports.Testing.State;

// Listing, runs, and what the download host needs to find an artifact.
internal sealed partial class SandboxStore
{
    public JsonObject List(int? limit, string? cursor)
    {
        var size = limit ?? SandboxContract.DefaultPageSize;
        // The contract: an empty cursor is no cursor, so "?cursor=" is the first page.
        var after = string.IsNullOrEmpty(cursor) ? 0 : DecodeCursor(cursor);
        lock (_gate)
        {
            CatchUp();
            var page = _reports.Values.Where(r => r.Sequence > after).OrderBy(r => r.Sequence).Take(size + 1).ToList();
            var more = page.Count > size;
            if (more)
            {
                page.RemoveAt(size);
            }

            var now = Now();
            var recent = page.SelectMany(r => RecentRuns(r.Id, now))
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal);
            return new JsonObject
            {
                ["reports"] = new JsonArray(page.Select(r => (JsonNode)Render(r)).ToArray()),
                ["recent_runs"] = new JsonArray(recent.Select(r => (JsonNode)RenderRun(r, download: null)).ToArray()),
                ["next_cursor"] = more ? EncodeCursor(page[^1].Sequence) : null,
            };
        }
    }

    public JsonObject Run(string reportId, JsonObject? window)
    {
        var yesterday = DateOnly.FromDateTime(Now().UtcDateTime).AddDays(-1);
        var to = Date(window, "to") ?? yesterday;
        var from = Date(window, "from") ?? to.AddDays(-6);
        if (from > to)
        {
            throw SandboxError.Invalid($"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        }

        if (to.DayNumber - from.DayNumber + 1 > Artifacts.ArtifactGenerator.MaxWindowDays)
        {
            throw SandboxError.Invalid($"a run window covers at most {Artifacts.ArtifactGenerator.MaxWindowDays} days.");
        }

        lock (_gate)
        {
            CatchUp();
            var run = AddRun(Find(reportId), from, to, Now(), scheduled: false);
            return new JsonObject { ["run_id"] = run.Id, ["status"] = "queued" };
        }
    }

    /// <summary>The run as <c>GET /reports/runs/{id}</c> shows it; <paramref name="sign"/> makes a fresh download URL.</summary>
    public JsonObject GetRun(string runId, Func<StoredRun, (string Url, DateTimeOffset ExpiresAt)> sign)
    {
        lock (_gate)
        {
            CatchUp();
            var run = FindRun(runId);
            var offersDownload = run.StatusAt(Now()) == "completed" && !run.Pushed;
            return RenderRun(run, offersDownload ? sign(run) : null);
        }
    }

    /// <summary>The run behind a download URL, if it is still kept; <see langword="null"/> otherwise.</summary>
    public StoredRun? FindKeptRun(string runId)
    {
        lock (_gate)
        {
            CatchUp();
            return _runs.TryGetValue(runId, out var run) && Now() <= run.CreatedAt + options.Retention ? run : null;
        }
    }

    public void ExpireDownloadUrls(string runId)
    {
        lock (_gate)
        {
            FindRun(runId).UrlGeneration++;
        }
    }

    private StoredRun FindRun(string runId) =>
        _runs.TryGetValue(runId, out var run) && Now() <= run.CreatedAt + options.Retention
            ? run
            : throw SandboxError.NotFound($"no run '{runId}' (runs are kept {options.Retention.TotalDays:0} days).");

    private JsonObject RenderRun(StoredRun run, (string Url, DateTimeOffset ExpiresAt)? download)
    {
        var status = run.StatusAt(Now());
        var finished = status is "completed" or "failed";
        return new JsonObject
        {
            ["run_id"] = run.Id,
            ["report_id"] = run.ReportId,
            ["status"] = status,
            ["from"] = run.From.ToString(SandboxContract.DateFormat, CultureInfo.InvariantCulture),
            ["to"] = run.To.ToString(SandboxContract.DateFormat, CultureInfo.InvariantCulture),
            ["created_at"] = Timestamp(run.CreatedAt),
            ["completed_at"] = finished ? Timestamp(run.FinishedAt) : null,
            ["download_url"] = download?.Url,
            ["download_url_expires_at"] = download is { } d ? Timestamp(d.ExpiresAt) : null,
            ["error"] = status == "failed"
                ? new JsonObject { ["code"] = run.Timeline.FailureCode, ["message"] = run.Timeline.FailureMessage ?? "the run failed" }
                : null,
        };
    }

    private static DateOnly? Date(JsonObject? window, string name)
    {
        var node = window?[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == System.Text.Json.JsonValueKind.String
            && DateOnly.TryParseExact(node.GetValue<string>(), SandboxContract.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw SandboxError.Invalid($"{name} must be a date as YYYY-MM-DD.");
    }

    private static string EncodeCursor(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"after:{sequence.ToString(CultureInfo.InvariantCulture)}")).TrimEnd('=');

    private static long DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("after:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
        }

        throw SandboxError.BadRequest($"cursor '{cursor}' is not one this service issued.");
    }
}
