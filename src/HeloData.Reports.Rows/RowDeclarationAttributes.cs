using System.Diagnostics;

namespace HeloData.Reports.Rows;

// What a row type's declaration is written with; HeloData.Reports.Generators' ReportRowGenerator reads
// them and writes the rest. [Conditional]: they mean something to the generator only, so they are
// neither public API nor kept in the compiled assembly.

/// <summary>Marks a <c>sealed partial class</c> deriving from <see cref="ReportRow"/> as a row type to generate.</summary>
/// <param name="reportType">The report type whose artifacts it reads (<c>traffic</c>), for the generated docs.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[Conditional("HELODATA_REPORTS_GENERATORS")]
internal sealed class ReportRowTypeAttribute(string reportType) : Attribute
{
    /// <summary>The report type whose artifacts the row type reads.</summary>
    public string ReportType { get; } = reportType;
}

/// <summary>
/// One documented column of a row type, in the order docs/artifacts.md lists them: the generator writes its
/// property, backing field, setter, formatting and model factory parameter.
/// </summary>
/// <param name="name">The column's name in the artifact (<c>bandwidth_bytes</c>).</param>
/// <param name="kind">How its value is typed.</param>
/// <param name="property">The property's name (<c>BandwidthBytes</c>).</param>
/// <param name="summary">The property's doc summary, without the column name or a final period (XML doc text).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("HELODATA_REPORTS_GENERATORS")]
internal sealed class ReportColumnAttribute(string name, CellKind kind, string property, string summary) : Attribute
{
    /// <summary>The column's name in the artifact.</summary>
    public string Name { get; } = name;

    /// <summary>How its value is typed.</summary>
    public CellKind Kind { get; } = kind;

    /// <summary>The property's name.</summary>
    public string Property { get; } = property;

    /// <summary>The property's doc summary.</summary>
    public string Summary { get; } = summary;
}

/// <summary>Marks the one <c>static partial class</c> the generator adds each row type's model factory method to.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[Conditional("HELODATA_REPORTS_GENERATORS")]
internal sealed class ReportRowFactoryAttribute : Attribute;
