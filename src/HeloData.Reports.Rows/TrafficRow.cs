namespace HeloData.Reports.Rows;

/// <summary>A row of a <c>traffic</c> report: aggregated bandwidth per sub-user, product and UTC day.</summary>
[ReportRowType("traffic")]
[ReportColumn("date", CellKind.Date, "Date", "The UTC day")]
[ReportColumn("subuser_id", CellKind.Text, "SubuserId", "The sub-user")]
[ReportColumn("product", CellKind.Product, "Product", "The product the traffic went through")]
[ReportColumn("bandwidth_bytes", CellKind.Int64, "BandwidthBytes", "Bytes transferred that day")]
[ReportColumn("requests", CellKind.Int64, "Requests", "Requests made that day")]
public sealed partial class TrafficRow : ReportRow;
