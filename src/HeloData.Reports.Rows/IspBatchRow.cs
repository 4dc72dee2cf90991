namespace HeloData.Reports.Rows;

/// <summary>A row of an <c>isp_batches</c> report: one address of an ISP batch, with its health.</summary>
[ReportRowType("isp_batches")]
[ReportColumn("batch_id", CellKind.Text, "BatchId", "The batch")]
[ReportColumn("ip", CellKind.Text, "Ip", "The address, as written (a string: parse it with <see cref=\"System.Net.IPAddress.Parse(string)\"/> when needed; most code only compares or prints it)")]
[ReportColumn("country", CellKind.Text, "Country", "The ISO 3166-1 alpha-2 country of the batch")]
[ReportColumn("asn", CellKind.Int64, "Asn", "The announcing autonomous system (32-bit unsigned in general, hence a <see cref=\"long\"/>)")]
[ReportColumn("status", CellKind.Text, "Status", "Its health status: <c>healthy</c>, <c>degraded</c> or <c>unreachable</c>; a string, so a status added later reads too")]
[ReportColumn("health_score", CellKind.Int32, "HealthScore", "Its health, 0 to 100, higher is better")]
[ReportColumn("last_checked_at", CellKind.Timestamp, "LastCheckedAt", "When the health was measured, in UTC")]
public sealed partial class IspBatchRow : ReportRow;
