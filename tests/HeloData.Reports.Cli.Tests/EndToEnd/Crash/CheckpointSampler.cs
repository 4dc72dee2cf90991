using Npgsql;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>
/// Reads the PostgreSQL state's checkpoints (<c>helodata_collector.checkpoints</c>) over and over while the collectors
/// are killed and restarted, and keeps every time one was seen earlier than before: a checkpoint only moves forward.
/// </summary>
internal sealed class CheckpointSampler(string connectionString)
{
    private readonly Dictionary<string, DateTimeOffset> _latest = new(StringComparer.Ordinal);
    private readonly List<string> _movedBack = [];

    public int Samples { get; private set; }

    /// <summary>The reports whose checkpoint was seen at all.</summary>
    public IReadOnlyCollection<string> Reports => _latest.Keys;

    public IReadOnlyList<string> MovedBack => _movedBack;

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
                if (_latest.TryGetValue(report, out var before) && checkpoint < before)
                {
                    _movedBack.Add($"{report}: {before:O} then {checkpoint:O}");
                }

                _latest[report] = checkpoint > before ? checkpoint : before;
            }

            Samples++;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable || e.SqlState == PostgresErrorCodes.InvalidSchemaName)
        {
            // Before the first collector created the schema.
        }
    }
}
