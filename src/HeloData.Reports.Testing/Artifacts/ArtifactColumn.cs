namespace HeloData.Reports.Testing.Artifacts;

/// <summary>How a column's values are typed; decides their text form and their parquet type.</summary>
internal enum ColumnKind
{
    /// <summary><see cref="string"/>; parquet BYTE_ARRAY (STRING).</summary>
    Text,

    /// <summary><see cref="int"/>; parquet INT32.</summary>
    Int32,

    /// <summary><see cref="long"/>; parquet INT64.</summary>
    Int64,

    /// <summary><see cref="decimal"/> with a fixed scale; parquet INT64 (DECIMAL(18, scale)).</summary>
    Decimal,

    /// <summary><see cref="DateOnly"/>, <c>yyyy-MM-dd</c>; parquet INT32 (DATE).</summary>
    Date,

    /// <summary>UTC <see cref="DateTime"/>, RFC 3339 to the second; parquet INT64 (TIMESTAMP(MILLIS, UTC)).</summary>
    Timestamp,
}

/// <summary>One column of a report type's artifact.</summary>
/// <param name="Name">The snake_case name written in every format.</param>
/// <param name="Kind">The value type.</param>
/// <param name="Scale">Digits after the decimal point, for <see cref="ColumnKind.Decimal"/> only.</param>
internal sealed record ArtifactColumn(string Name, ColumnKind Kind, int Scale = 0)
{
    public static ArtifactColumn Text(string name) => new(name, ColumnKind.Text);

    public static ArtifactColumn Int32(string name) => new(name, ColumnKind.Int32);

    public static ArtifactColumn Int64(string name) => new(name, ColumnKind.Int64);

    public static ArtifactColumn Decimal(string name, int scale) => new(name, ColumnKind.Decimal, scale);

    public static ArtifactColumn Date(string name) => new(name, ColumnKind.Date);

    public static ArtifactColumn Timestamp(string name) => new(name, ColumnKind.Timestamp);
}

/// <summary>
/// The rows of one artifact, before encoding: one value per column, never null. They are generated as
/// they are enumerated, so even millions of them take no memory; every enumeration gives the same rows.
/// </summary>
internal sealed record ArtifactTable(IReadOnlyList<ArtifactColumn> Columns, IEnumerable<object[]> Rows);
