using HeloData.Reports.Collector;
using Npgsql;

namespace HeloData.Reports.PostgreSql;

/// <summary>Claims on runs: each call one statement, checked against this store's life (<see cref="Life"/>).</summary>
public sealed partial class PostgreSqlCollectorStateStore
{
    // $1 run, $2 report, $3 from, $4 to, $5 instance, $6 life, $7 now, $8 lease end. One statement takes the claim:
    // a new run is inserted as claimed; a known one is updated only when idle or its lease lapsed (a takeover, whose
    // handlers may have run). No row back: the run is collected, or claimed by a live lease (a row a concurrent claim
    // inserted after this statement's snapshot is such a claim).
    private const string ClaimSql = """
        WITH claim AS (
            INSERT INTO {schema}.runs AS r (run_id, report_id, window_from, window_to, status, owner_instance, owner_life, lease_until, attempts, first_seen_at)
            VALUES ($1, $2, $3, $4, 'claimed', $5, $6, $8, 1, $7)
            ON CONFLICT (run_id) DO UPDATE
            SET status = 'claimed', owner_instance = $5, owner_life = $6, lease_until = $8, attempts = r.attempts + 1,
                unfinished = r.unfinished OR r.status = 'claimed'
            WHERE r.status = 'idle' OR (r.status = 'claimed' AND r.lease_until <= $7)
            RETURNING r.attempts, r.unfinished)
        SELECT 'won', attempts, unfinished FROM claim
        UNION ALL
        SELECT status, 0, false FROM {schema}.runs WHERE run_id = $1 AND NOT EXISTS (SELECT 1 FROM claim)
        """;

    // A second statement of the claim's batch, with a snapshot of its own: it sees a handler record an earlier owner
    // committed while the claim waited for that owner's row lock, which the claim statement's snapshot may not.
    private const string FinishedHandlersSql = """
        SELECT f.handler_name FROM {schema}.handler_finished f
        JOIN {schema}.runs r ON r.run_id = f.run_id AND r.status = 'claimed' AND r.owner_life = $2
        WHERE f.run_id = $1
        """;

    // FOR UPDATE: a takeover of the claim waits until the record is committed (and then sees it), or this sees the takeover.
    private const string HandlerFinishedSql = """
        WITH held AS (
            SELECT run_id FROM {schema}.runs WHERE run_id = $1 AND status = 'claimed' AND owner_life = $2 FOR UPDATE),
        recorded AS (
            INSERT INTO {schema}.handler_finished (run_id, handler_name, instance_name, finished_at)
            SELECT run_id, $3, $4, $5 FROM held
            ON CONFLICT (run_id, handler_name) DO NOTHING)
        SELECT count(*)::int FROM held
        """;

    private const string HeldByMe = "run_id = $1 AND status = 'claimed' AND owner_life = $2";

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindSettledAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var settled = new HashSet<string>(StringComparer.Ordinal);
        if (runIds.Count == 0)
        {
            return settled;
        }

        // One parameter, a text[] (the cast keeps the array from being taken as the values' params array).
        await using var command = Command("SELECT run_id FROM {schema}.runs WHERE run_id = ANY($1) AND (status = 'collected' OR failed_at IS NOT NULL)", (object)runIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            settled.Add(reader.GetString(0));
        }

        return settled;
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database was not reached or the connection was lost (the claim may have been taken: the caller releases it).</exception>
    public async Task<RunClaim> TryClaimAsync(RunRecord run, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.Run(run);
        StoreArguments.Lease(lease);
        var now = StoreArguments.Now(_time);
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(BatchCommand(ClaimSql, run.RunId, run.ReportId, run.From, run.To, InstanceName, Life, now, StoreArguments.LeaseEnd(now, lease)));
        batch.BatchCommands.Add(BatchCommand(FinishedHandlersSql, run.RunId, Life));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return RunClaim.InProgress;
        }

        var status = reader.GetString(0);
        if (status != "won")
        {
            return status == "collected" ? RunClaim.AlreadyCollected : RunClaim.InProgress;
        }

        var (attempt, unfinished) = (reader.GetInt32(1), reader.GetBoolean(2));
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var finished = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            finished.Add(reader.GetString(0));
        }

        return new RunClaim(RunClaimStatus.Claimed, attempt, unfinished, finished);
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        StoreArguments.Lease(lease);
        if (!await InstanceSessionHeldAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        return await ExecuteAsync($"UPDATE {{schema}}.runs SET lease_until = $3 WHERE {HeldByMe}", cancellationToken, runId, Life, StoreArguments.LeaseEnd(StoreArguments.Now(_time), lease)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RecordHandlerFinishedAsync(string runId, string handlerName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        await using var command = Command(HandlerFinishedSql, runId, Life, handlerName, InstanceName, StoreArguments.Now(_time));
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    /// <summary>
    /// Records that a handler returned for the run, inside the caller's transaction (the table sink's, so its rows
    /// and this record commit or roll back together), after locking the run's row and checking that this store's
    /// life still holds the claim. The lock is held until the caller's transaction ends: call this last.
    /// </summary>
    /// <param name="connection">The caller's open connection, on this store's database.</param>
    /// <param name="transaction">The caller's transaction on <paramref name="connection"/>.</param>
    /// <param name="runId">A run this store claimed.</param>
    /// <param name="handlerName">The handler's name.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="false"/> when this store no longer holds the claim: nothing is recorded, and the caller rolls back.</returns>
    internal async Task<bool> RecordHandlerFinishedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, string handlerName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        await using var command = new NpgsqlCommand(WithSchema(HandlerFinishedSql), connection, transaction);
        AddValues(command.Parameters, runId, Life, handlerName, InstanceName, StoreArguments.Now(_time));
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    /// <inheritdoc />
    /// <remarks>Only the claim's holder completes a run: after a takeover the new holder does (its claim skips the handlers recorded as finished).</remarks>
    public async Task<bool> CompleteAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return await ExecuteAsync(
            $"UPDATE {{schema}}.runs SET status = 'collected', collected_at = $3, owner_instance = NULL, owner_life = NULL, lease_until = NULL WHERE {HeldByMe}",
            cancellationToken,
            runId,
            Life,
            StoreArguments.Now(_time)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return ExecuteAsync($"UPDATE {{schema}}.runs SET status = 'idle', owner_instance = NULL, owner_life = NULL, lease_until = NULL WHERE {HeldByMe}", cancellationToken, runId, Life);
    }

    // One round trip, one transaction: the earlier lives died with no outcome recorded, so their runs may have been handled.
    private async Task<(int Runs, int Backfills)> ReleaseEarlierLivesAsync(CancellationToken cancellationToken)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(BatchCommand("UPDATE {schema}.runs SET status = 'idle', owner_instance = NULL, owner_life = NULL, lease_until = NULL, unfinished = true WHERE status = 'claimed' AND owner_instance = $1 AND owner_life <> $2", InstanceName, Life));
        batch.BatchCommands.Add(BatchCommand("UPDATE {schema}.gaps SET claim_instance = NULL, claim_life = NULL, claim_until = NULL WHERE claim_instance = $1 AND claim_life <> $2", InstanceName, Life));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (batch.BatchCommands[0].RecordsAffected, batch.BatchCommands[1].RecordsAffected);
    }

    private NpgsqlBatchCommand BatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(WithSchema(sql));
        AddValues(command.Parameters, values);
        return command;
    }
}
