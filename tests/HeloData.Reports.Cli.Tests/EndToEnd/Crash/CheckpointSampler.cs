using Npgsql;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>
/// Reads the PostgreSQL state's checkpoints (<c>helodata_collector.checkpoints</c>) over and over while the collectors
/// are killed and restarted: keeps every time one was seen earlier than before (a checkpoint only moves forward), and
/// every value each report's was seen at (so a test can tell it really moved, not only that it never moved back).
/// </summary>
internal sealed class CheckpointSampler(string connectionString)
{
    private readonly Dictionary<string, SortedSet<DateTimeOffset>> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _movedBack = [];
    private readonly Lock _gate = new();

    public int Samples { get; private set; }

    /// <summary>Each report's checkpoint values, in order; the last is the latest.</summary>
    public IReadOnlyDictionary<string, SortedSet<DateTimeOffset>> Seen => _seen;

    public IReadOnlyList<string> MovedBack => _movedBack;

    /// <summary>How many values each report's checkpoint was seen at so far (read while sampling goes on).</summary>
    public IReadOnlyDictionary<string, int> DistinctSoFar()
    {
        lock (_gate)
        {
            return _seen.ToDictionary(report => report.Key, report => report.Value.Count, StringComparer.Ordinal);
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        while (!stop.IsCancellationRequested)
        {
            await SampleAsync(source);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await SampleAsync(source);
    }

    private async Task SampleAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("SELECT report_id, checkpoint FROM helodata_collector.checkpoints");
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (report, checkpoint) = (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
                lock (_gate)
                {
                    Record(report, checkpoint);
                }
            }

            Samples++;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable || e.SqlState == PostgresErrorCodes.InvalidSchemaName)
        {
            // Before the first collector created the schema.
        }
    }

    private void Record(string report, DateTimeOffset checkpoint)
    {
        if (!_seen.TryGetValue(report, out var values))
        {
            _seen[report] = values = [];
        }

        if (values.Count > 0 && checkpoint < values.Max)
        {
            _movedBack.Add($"{report}: {values.Max:O} then {checkpoint:O}");
        }

        values.Add(checkpoint);
    }
}
