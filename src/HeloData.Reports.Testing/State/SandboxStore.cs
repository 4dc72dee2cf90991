using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace HeloData.Reports.Testing.State;

/// <summary>
/// The sandbox's memory: reports and runs, changed only under one lock, with every rule of the
/// contract that concerns state (merge-patch, paging, run lifecycle, retention, schedules).
/// Every operation first makes the scheduled runs that are due (<see cref="CatchUp"/>).
/// </summary>
internal sealed partial class SandboxStore(ReportsSandboxOptions options, TimeProvider time, SandboxFaults faults)
{
    private static readonly string[] ReadOnlyFields = ["id", "created_at", "updated_at", "next_run_at"];

    private readonly object _gate = new();
    private readonly Random _random = new(options.Seed);
    private readonly Dictionary<string, StoredReport> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredRun> _runs = new(StringComparer.Ordinal);
    private long _sequence;
    private long? _artifactRowCount = options.ArtifactRowCount;

    public RunTimeline Timeline { get; set; } = options.RunTimeline;

    /// <summary>The row count given to the artifacts of runs accepted from now on; <see langword="null"/> for the window's.</summary>
    // Under the lock: a long? is two fields, which another thread could otherwise read half-written.
    public long? ArtifactRowCount
    {
        get
        {
            lock (_gate)
            {
                return _artifactRowCount;
            }
        }

        set
        {
            lock (_gate)
            {
                _artifactRowCount = value;
            }
        }
    }

    public JsonObject Create(JsonObject body)
    {
        var fields = WritableFields(body);
        SandboxReportRules.Validate(fields);
        lock (_gate)
        {
            CatchUp();
            var report = new StoredReport(NewId("rep_"), ++_sequence, fields, Now());
            _reports.Add(report.Id, report);
            _runsByReport.Add(report.Id, []);
            StartSchedule(report);
            return Render(report);
        }
    }

    public JsonObject Get(string id)
    {
        lock (_gate)
        {
            CatchUp();
            return Render(Find(id));
        }
    }

    /// <summary>RFC 7396: a member set to <c>null</c> is removed, any other replaces the old value whole.</summary>
    public JsonObject Patch(string id, JsonObject patch)
    {
        lock (_gate)
        {
            CatchUp();
            var report = Find(id);
            var fields = (JsonObject)report.Fields.DeepClone();
            foreach (var (name, value) in patch)
            {
                if (ReadOnlyFields.Contains(name))
                {
                    continue; // the service owns these
                }

                if (value is null)
                {
                    fields.Remove(name);
                }
                else
                {
                    fields[name] = value.DeepClone();
                }
            }

            SandboxReportRules.Validate(fields);
            report.Fields = fields;
            report.UpdatedAt = Now();
            if (patch.ContainsKey("schedule"))
            {
                // Set or removed: the schedule starts over from now (the runs due under the old one are made above).
                StartSchedule(report);
            }

            return Render(report);
        }
    }

    public void Delete(string id)
    {
        lock (_gate)
        {
            CatchUp();
            var report = Find(id);
            SandboxSchedule.Stop(report);
            _reports.Remove(report.Id);
        }
    }

    public int ReportCount
    {
        get
        {
            lock (_gate)
            {
                return _reports.Count;
            }
        }
    }

    private StoredReport Find(string id) =>
        _reports.TryGetValue(id, out var report) ? report : throw SandboxError.NotFound($"no report '{id}'.");

    private DateTimeOffset Now() => time.GetUtcNow();

    private string NewId(string prefix)
    {
        const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32, like a ULID
        var id = new StringBuilder(prefix);
        for (var i = 0; i < 12; i++)
        {
            id.Append(Alphabet[_random.Next(Alphabet.Length)]);
        }

        return id.ToString();
    }

    private static JsonObject WritableFields(JsonObject body)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in body)
        {
            if (!ReadOnlyFields.Contains(name) && value is not null)
            {
                fields[name] = value.DeepClone();
            }
        }

        return fields;
    }

    private JsonObject Render(StoredReport report)
    {
        var json = new JsonObject { ["id"] = report.Id };
        foreach (var (name, value) in report.Fields)
        {
            json[name] = value?.DeepClone();
        }

        json["schedule"] ??= null;

        // A real service does not echo a webhook's signing secret; the contract lets it leave it out.
        (json["destination"] as JsonObject)?.Remove("signing_secret");
        json["created_at"] = Timestamp(report.CreatedAt);
        json["updated_at"] = Timestamp(report.UpdatedAt);
        json["next_run_at"] = report.Schedule is { } schedule
            && CronTimetable.Parse(schedule).GetNextOccurrence(Now()) is { } next
            ? Timestamp(next)
            : null;
        return json;
    }

    internal static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString(SandboxContract.TimestampFormat, CultureInfo.InvariantCulture);
}
