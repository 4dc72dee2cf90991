using System.Text.RegularExpressions;
using Npgsql;

namespace HeloData.Reports.PostgreSql;

/// <summary>
/// The state store's tables, created and upgraded at start-up: each version's DDL runs once, in order, inside one
/// transaction that holds an advisory lock on the schema's name, so instances starting at once take turns and all
/// but the first find the work done. The versions applied are recorded in <c>schema_version</c>. Version 2 keeps with
/// each checkpoint the schedule it was judged by (NULL in rows version 1 wrote: not known).
/// </summary>
internal static partial class CollectorSchema
{
    // Version n is Migrations[n - 1]; a version, once shipped, is never edited: a change is a new version.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE {schema}.runs (
            run_id text PRIMARY KEY,
            report_id text NOT NULL,
            window_from date NOT NULL,
            window_to date NOT NULL,
            status text NOT NULL CHECK (status IN ('idle', 'claimed', 'collected')),
            owner_instance text,
            owner_life uuid,
            lease_until timestamptz,
            attempts integer NOT NULL DEFAULT 0,
            unfinished boolean NOT NULL DEFAULT false,
            failed_at timestamptz,
            collected_at timestamptz,
            first_seen_at timestamptz NOT NULL,
            CHECK ((status = 'claimed') = (owner_life IS NOT NULL AND lease_until IS NOT NULL AND owner_instance IS NOT NULL)));
        CREATE INDEX runs_report_window ON {schema}.runs (report_id, window_to);
        CREATE INDEX runs_claimed_owner ON {schema}.runs (owner_instance) WHERE status = 'claimed';
        CREATE TABLE {schema}.handler_finished (
            run_id text NOT NULL REFERENCES {schema}.runs (run_id) ON DELETE CASCADE,
            handler_name text NOT NULL,
            instance_name text NOT NULL,
            finished_at timestamptz NOT NULL,
            PRIMARY KEY (run_id, handler_name));
        CREATE TABLE {schema}.checkpoints (
            report_id text PRIMARY KEY,
            checkpoint timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);
        CREATE TABLE {schema}.gaps (
            report_id text NOT NULL,
            window_from date NOT NULL,
            window_to date NOT NULL,
            due_at timestamptz NOT NULL,
            status text NOT NULL CHECK (status IN ('missing', 'backfill_requested', 'filled', 'failed')),
            failed_run_id text,
            backfill_run_id text,
            claim_instance text,
            claim_life uuid,
            claim_until timestamptz,
            recorded_at timestamptz NOT NULL,
            PRIMARY KEY (report_id, window_from, window_to));
        """,
        """
        ALTER TABLE {schema}.checkpoints ADD COLUMN schedule text, ADD COLUMN schedule_seen_at timestamptz;
        """,
    ];

    /// <summary>The newest version this package knows.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Checks a schema name: lower-case letters, digits and underscores, not starting with a digit, as PostgreSQL folds unquoted names.</summary>
    /// <param name="schema">The name.</param>
    /// <returns>The name, double-quoted for SQL.</returns>
    /// <exception cref="ArgumentException">The name is not such a name.</exception>
    public static string Quote(string schema)
    {
        if (schema is null || !SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"A schema name is 1 to 63 lower-case letters, digits or underscores, not starting with a digit: '{schema}' is not one.", nameof(schema));
        }

        return $"\"{schema}\"";
    }

    /// <summary>Brings the schema to <see cref="LatestVersion"/>, once, whatever other instances start at the same time.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="schema">The schema's name, checked by <see cref="Quote"/>.</param>
    /// <param name="cancellationToken">Stops the upgrade (its transaction rolls back).</param>
    /// <returns>The version found and the version now in place.</returns>
    /// <exception cref="InvalidOperationException">The schema was upgraded by a newer version of this package.</exception>
    public static async Task<(int Found, int Now)> UpgradeAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var quoted = Quote(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Held until the commit: a second instance waits here, then finds the version the first one recorded.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", cancellationToken, $"HeloData.Reports.PostgreSql schema {schema}").ConfigureAwait(false);
        var found = await CurrentVersionAsync(connection, schema, quoted, cancellationToken).ConfigureAwait(false);
        if (found > LatestVersion)
        {
            throw new InvalidOperationException($"The collector's schema {schema} is at version {found}, newer than this HeloData.Reports.PostgreSql knows ({LatestVersion}): update the package.");
        }

        for (var version = found + 1; version <= LatestVersion; version++)
        {
            await ExecuteAsync(connection, Migrations[version - 1].Replace("{schema}", quoted, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"INSERT INTO {quoted}.schema_version (version, applied_at) VALUES ($1, now())", cancellationToken, version).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (found, LatestVersion);
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, string schema, string quoted, CancellationToken cancellationToken)
    {
        // Looked up before any DDL, so a user who may not create schemas can still start on a schema at the latest version.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection) { Parameters = { new() { Value = $"{quoted}.schema_version" } } })
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                // CREATE SCHEMA IF NOT EXISTS checks the database's CREATE privilege even when the schema exists, so a
                // schema a DBA made (granting only USAGE and CREATE on it) is looked up first and created only when missing.
                await using (var schemaExists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection) { Parameters = { new() { Value = schema } } })
                {
                    if (!(bool)(await schemaExists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                    {
                        await ExecuteAsync(connection, $"CREATE SCHEMA {quoted}", cancellationToken).ConfigureAwait(false);
                    }
                }

                await ExecuteAsync(connection, $"CREATE TABLE {quoted}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)", cancellationToken).ConfigureAwait(false);
                return 0;
            }
        }

        await using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {quoted}.schema_version", connection);
        return (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
