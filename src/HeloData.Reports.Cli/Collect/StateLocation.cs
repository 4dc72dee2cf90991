using System.CommandLine.Parsing;

namespace HeloData.Reports.Cli.Collect;

/// <summary><c>--state</c>: where the collector records what it did, <c>sqlite:PATH</c> (one instance) or <c>postgres:CONNSTR</c> (several share it).</summary>
/// <param name="SqlitePath">The SQLite file, relative to the current folder; <see langword="null"/> for PostgreSQL.</param>
/// <param name="Postgres">Where the PostgreSQL connection string comes from; <see langword="null"/> for SQLite.</param>
internal sealed record StateLocation(string? SqlitePath, ConnectionSource? Postgres)
{
    public const string Option = "--state";
    public const string SqlitePrefix = "sqlite:";
    public const string PostgresPrefix = "postgres:";
    public const string Default = SqlitePrefix + "helodata-collector.db";

    public static StateLocation? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : Default;
        if (text.StartsWith(SqlitePrefix, StringComparison.Ordinal))
        {
            var path = text[SqlitePrefix.Length..];
            if (path.Length > 0)
            {
                return new(path, null);
            }

            result.AddError($"{Option}: sqlite: needs the database file's path, such as {Default}.");
            return null;
        }

        if (text.StartsWith(PostgresPrefix, StringComparison.Ordinal))
        {
            return ConnectionSource.Parse(result, $"{Option} {PostgresPrefix}", text[PostgresPrefix.Length..]) is { } source ? new(null, source) : null;
        }

        // Not repeated: the text may be a connection string with its password, written without the prefix.
        result.AddError($"{Option}: write sqlite:PATH (one instance) or postgres:CONNSTR (several instances share it), CONNSTR being {ConnectionSource.Forms}.");
        return null;
    }
}
