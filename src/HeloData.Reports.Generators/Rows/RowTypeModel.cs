namespace HeloData.Reports.Generators.Rows;

/// <summary>What the generator needs to know about one row type declaration: only strings and numbers, equal by value.</summary>
/// <param name="Namespace">The row type's namespace, where the row support types (<c>ReportRow</c>, <c>RowKind</c>, ...) live too.</param>
/// <param name="Name">The row type's name (<c>TrafficRow</c>).</param>
/// <param name="ReportType">The report type's wire name, for the docs (<c>traffic</c>).</param>
/// <param name="Columns">The documented columns in declaration order (the order of docs/artifacts.md).</param>
/// <param name="Diagnostics">What is wrong with the declaration; nothing is generated for it when any.</param>
internal sealed record RowTypeModel(
    string Namespace,
    string Name,
    string ReportType,
    EquatableArray<ColumnModel> Columns,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One <c>[ReportColumn]</c> line.</summary>
/// <param name="Name">The column's wire name (<c>bandwidth_bytes</c>).</param>
/// <param name="Kind">The <c>CellKind</c> member's name (<c>Int64</c>).</param>
/// <param name="Property">The property's name (<c>BandwidthBytes</c>).</param>
/// <param name="Summary">The property's summary, XML doc text without the final period.</param>
internal sealed record ColumnModel(string Name, string Kind, string Property, string Summary);

/// <summary>The marked model factory class, where the generated factory methods go.</summary>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
internal sealed record FactoryModel(string Namespace, string Name);
