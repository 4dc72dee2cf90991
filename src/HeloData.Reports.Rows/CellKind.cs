namespace HeloData.Reports.Rows;

/// <summary>How a documented column's value is typed on its row (docs/artifacts.md, "kind").</summary>
internal enum CellKind : byte
{
    /// <summary>A <see cref="string"/>, as written.</summary>
    Text,

    /// <summary>A <see cref="ReportProduct"/>.</summary>
    Product,

    /// <summary>A <c>;</c>-separated list of products (<c>subusers.products</c>).</summary>
    ProductList,

    /// <summary>An <see cref="int"/>.</summary>
    Int32,

    /// <summary>A <see cref="long"/>.</summary>
    Int64,

    /// <summary>Money or a quantity: a <see cref="decimal"/>, never a double.</summary>
    Decimal,

    /// <summary>A UTC calendar day, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>An RFC 3339 instant, kept in UTC.</summary>
    Timestamp,
}

/// <summary>One documented column of a row type: its wire name, its kind and the property that exposes it.</summary>
internal sealed record KnownColumn(string Name, CellKind Kind, string Property);
