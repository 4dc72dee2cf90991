namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>Names in the sink's SQL: always double-quoted (schema names are checked by <see cref="CollectorSchema.Quote"/>).</summary>
internal static class SinkSql
{
    /// <summary>The schema the tables go in unless told otherwise.</summary>
    public const string DefaultSchema = "public";

    /// <summary>A name, double-quoted for SQL (its quotes doubled).</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
