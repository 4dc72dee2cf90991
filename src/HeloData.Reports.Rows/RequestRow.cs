namespace HeloData.Reports.Rows;

/// <summary>A row of a <c>requests</c> report: one sampled request.</summary>
[ReportRowType("requests")]
[ReportColumn("timestamp", CellKind.Timestamp, "Timestamp", "When the request was made, in UTC")]
[ReportColumn("subuser_id", CellKind.Text, "SubuserId", "The sub-user that made it")]
[ReportColumn("product", CellKind.Product, "Product", "The product it went through")]
[ReportColumn("target_host", CellKind.Text, "TargetHost", "The host requested")]
[ReportColumn("country", CellKind.Text, "Country", "The ISO 3166-1 alpha-2 exit country")]
[ReportColumn("status_code", CellKind.Int32, "StatusCode", "The HTTP status the target answered")]
[ReportColumn("bytes", CellKind.Int64, "Bytes", "The response size in bytes (0 for 204 and 304)")]
[ReportColumn("latency_ms", CellKind.Int32, "LatencyMs", "The round trip through the proxy, in milliseconds")]
public sealed partial class RequestRow : ReportRow;
