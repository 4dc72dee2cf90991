using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector;

/// <summary>Claims on runs: taken, renewed, recorded handler by handler, completed or released.</summary>
public sealed partial class SqliteCollectorStateStore
{
    /// <inheritdoc />
    public Task<IReadOnlySet<string>> FindSettledAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        return _writer.RunAsync<IReadOnlySet<string>>(
            connection =>
            {
                var settled = new HashSet<string>(StringComparer.Ordinal);

                // In chunks well under SQLite's limit on a statement's parameters.
                foreach (var chunk in runIds.Chunk(500))
                {
                    var names = chunk.Select((_, i) => $"$id{i}").ToArray();
                    using var command = SqliteCommands.Command(
                        connection,
                        $"SELECT run_id FROM helodata_collector_runs WHERE run_id IN ({string.Join(", ", names)}) AND (collected_at IS NOT NULL OR failed = 1)",
                        [.. names.Zip(chunk, (name, id) => (name, (object?)id))]);
                    using var rows = command.ExecuteReader();
                    while (rows.Read())
                    {
                        settled.Add(rows.GetString(0));
                    }
                }

                return settled;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RunClaim> TryClaimAsync(RunRecord run, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.Run(run);
        StoreArguments.Lease(lease);
        return _writer.RunAsync(connection => Claim(connection, run, lease), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        StoreArguments.Lease(lease);
        return await ExecuteAsync(
            "UPDATE helodata_collector_runs SET lease_until = $until WHERE run_id = $run AND life = $life AND collected_at IS NULL",
            Parameters(("$run", runId), ("$until", Until(lease))),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public Task<bool> RecordHandlerFinishedAsync(string runId, string handlerName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        return _writer.RunAsync(
            connection =>
            {
                var parameters = Parameters(("$run", runId), ("$handler", handlerName));
                if (SqliteCommands.Scalar(connection, "SELECT 1 FROM helodata_collector_runs WHERE run_id = $run AND life = $life AND collected_at IS NULL", parameters) is null)
                {
                    return false;
                }

                SqliteCommands.Execute(
                    connection,
                    "INSERT INTO helodata_collector_finished_handlers (run_id, handler, finished_at) VALUES ($run, $handler, $now) ON CONFLICT DO NOTHING",
                    parameters);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task CompleteAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return ExecuteAsync(
            """
            INSERT INTO helodata_collector_runs (run_id, collected_at) VALUES ($run, $now)
            ON CONFLICT (run_id) DO UPDATE SET owner = NULL, life = NULL, lease_until = NULL, collected_at = coalesce(collected_at, $now)
            """,
            Parameters(("$run", runId)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return ExecuteAsync(
            "UPDATE helodata_collector_runs SET owner = NULL, life = NULL, lease_until = NULL WHERE run_id = $run AND life = $life AND collected_at IS NULL",
            Parameters(("$run", runId)),
            cancellationToken);
    }

    // Inside the writer's transaction, begun IMMEDIATE with the write lock: two processes cannot both see the run free.
    private RunClaim Claim(SqliteConnection connection, RunRecord run, TimeSpan lease)
    {
        var parameters = Parameters(
            ("$run", run.RunId),
            ("$report", run.ReportId),
            ("$from", Day(run.From)),
            ("$to", Day(run.To)),
            ("$owner", InstanceName),
            ("$until", Until(lease)));
        bool abandoned;
        using (var read = SqliteCommands.Command(connection, "SELECT collected_at, life, lease_until FROM helodata_collector_runs WHERE run_id = $run", parameters))
        using (var row = read.ExecuteReader())
        {
            var found = row.Read();
            if (found && !row.IsDBNull(0))
            {
                return RunClaim.AlreadyCollected;
            }

            if (found && !row.IsDBNull(1) && row.GetInt64(2) > Now())
            {
                return RunClaim.InProgress;
            }

            // A claim still on the run lapsed with no outcome: it is taken over, and its handlers may have run.
            abandoned = found && !row.IsDBNull(1);
        }

        int attempt;
        bool unfinished;
        using (var claim = SqliteCommands.Command(
            connection,
            """
            INSERT INTO helodata_collector_runs (run_id, report_id, window_from, window_to, owner, life, lease_until, attempts, unfinished)
            VALUES ($run, $report, $from, $to, $owner, $life, $until, 1, $abandoned)
            ON CONFLICT (run_id) DO UPDATE SET owner = $owner, life = $life, lease_until = $until, attempts = attempts + 1,
                unfinished = unfinished | $abandoned, report_id = coalesce(report_id, $report), window_from = coalesce(window_from, $from), window_to = coalesce(window_to, $to)
            RETURNING attempts, unfinished
            """,
            [.. parameters, ("$abandoned", abandoned ? 1 : 0)]))
        using (var claimed = claim.ExecuteReader())
        {
            claimed.Read();
            (attempt, unfinished) = (claimed.GetInt32(0), claimed.GetInt64(1) != 0);
        }

        var finished = new List<string>();
        using (var handlers = SqliteCommands.Command(connection, "SELECT handler FROM helodata_collector_finished_handlers WHERE run_id = $run", parameters))
        using (var rows = handlers.ExecuteReader())
        {
            while (rows.Read())
            {
                finished.Add(rows.GetString(0));
            }
        }

        return new RunClaim(RunClaimStatus.Claimed, attempt, unfinished, finished);
    }
}
