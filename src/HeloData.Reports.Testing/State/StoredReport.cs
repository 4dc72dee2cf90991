using System.Text.Json.Nodes;

namespace HeloData.Reports.Testing.State;

/// <summary>A report as the sandbox keeps it: its writable fields (unknown ones included) as JSON, plus what the service owns.</summary>
internal sealed class StoredReport(string id, long sequence, JsonObject fields, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    /// <summary>Creation order; list cursors point at it, so deleting a report does not shift a page.</summary>
    public long Sequence { get; } = sequence;

    public JsonObject Fields { get; set; } = fields;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    /// <summary>Bumped whenever the schedule is set, removed or the report deleted: occurrences planned under an older value are dropped.</summary>
    public int ScheduleGeneration { get; set; }

    public string Type => (string)Fields["type"]!;

    public string Format => (string)Fields["format"]!;

    public string? Schedule => Fields["schedule"]?.GetValue<string>();

    public string? DestinationType => Fields["destination"]?["type"]?.GetValue<string>();

    public IReadOnlyList<string> Products =>
        Fields["filters"]?["products"] is JsonArray products ? products.Select(p => (string)p!).ToArray() : [];
}
