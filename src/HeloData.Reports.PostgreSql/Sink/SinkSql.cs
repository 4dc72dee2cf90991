using System.Text.RegularExpressions;

namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>Names in the sink's SQL: always double-quoted, and a schema checked as PostgreSQL folds an unquoted name.</summary>
internal static partial class SinkSql
{
    /// <summary>The schema the tables go in unless told otherwise.</summary>
    public const string DefaultSchema = "public";

    /// <summary>A name, double-quoted for SQL (its quotes doubled).</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Checks a schema name: lower-case letters, digits and underscores, not starting with a digit, at most 63.</summary>
    /// <exception cref="ArgumentException">It is not such a name.</exception>
    public static string CheckSchema(string schema, string parameterName) =>
        schema is not null && SchemaName().IsMatch(schema)
            ? schema
            : throw new ArgumentException($"A schema name is 1 to 63 lower-case letters, digits or underscores, not starting with a digit: '{schema}' is not one.", parameterName);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
