namespace HeloData.Reports.Rows;

/// <summary>
/// Builds typed rows, whose setters are not public, so application tests can make a mocked reader
/// (or a mocked <see cref="IReportsClient.OpenReadAsync"/> feeding one) yield realistic rows. The
/// service's response models are built by <see cref="ReportsModelFactory"/>.
/// </summary>
/// <remarks>
/// A row built here is the row a reader would yield for the same values: its typed properties return
/// the values given; its indexer spells them as the csv does (<c>2026-05-01</c>,
/// <c>2026-05-01T03:05:46Z</c>, a decimal with the scale it carries, so <c>3.4500m</c> is
/// <c>3.4500</c>); <see cref="ReportRow.Columns"/> lists the documented columns in the order of
/// docs/artifacts.md, then the additional ones, which <see cref="ReportRow.AdditionalColumns"/> holds.
/// Timestamps are kept in UTC, as a read row keeps them.
/// </remarks>
/// <example>
/// <code>
/// var row = ReportRowsModelFactory.TrafficRow(new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Residential,
///     bandwidthBytes: 7_706_781_941, requests: 74_754);
/// </code>
/// </example>
// Each row type's method is generated from its declaration (HeloData.Reports.Generators' ReportRowGenerator),
// built by RowBuilder, so its values read back exactly as a read row's.
[ReportRowFactory]
public static partial class ReportRowsModelFactory;
