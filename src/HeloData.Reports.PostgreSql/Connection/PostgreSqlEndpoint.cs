using Npgsql;

namespace HeloData.Reports.PostgreSql;

/// <summary>
/// Which database a connection string reaches, with nothing secret in it: what messages, logs and handler names
/// show, and how the table sink tells whether it writes to the state store's database (by equality: the same host,
/// port, database and user, so the sink's transaction may write the store's tables).
/// </summary>
/// <param name="Host">The host (several, comma-separated, when the connection string names several), lower case.</param>
/// <param name="Port">The port (5432 unless the connection string says otherwise).</param>
/// <param name="Database">The database (Npgsql's default, the user name, when none is given).</param>
/// <param name="Username">The user the connection logs in as, or <see langword="null"/> when the connection string names none.</param>
internal sealed record PostgreSqlEndpoint(string Host, int Port, string Database, string? Username)
{
    /// <summary>Reads the endpoint of a connection string; its password is never kept.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">The connection string cannot be read, or names no host.</exception>
    public static PostgreSqlEndpoint Of(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            // Npgsql's messages name the keyword at fault, never a value; the inner exception is not kept, so no
            // value can ride along in it either.
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {e.Message}", nameof(connectionString));
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("The PostgreSQL connection string names no Host.", nameof(connectionString));
        }

        var username = string.IsNullOrEmpty(builder.Username) ? null : builder.Username;
        return new PostgreSqlEndpoint(builder.Host.ToLowerInvariant(), builder.Port, builder.Database ?? username ?? string.Empty, username);
    }

    /// <summary>The database as <c>host:port/database</c>.</summary>
    /// <returns>The endpoint, with no user and no password.</returns>
    public override string ToString() => $"{Host}:{Port}/{Database}";

    /// <summary>The endpoint with the user it logs in as, for a message about a connection that failed.</summary>
    /// <returns><c>host:port/database as user</c>.</returns>
    public string Describe() => Username is null ? ToString() : $"{this} as {Username}";
}
