namespace HeloData.Reports.Rows;

/// <summary>A row of a <c>subusers</c> report: one sub-user of the account, as of the window's end.</summary>
[ReportRowType("subusers")]
[ReportColumn("subuser_id", CellKind.Text, "SubuserId", "The sub-user")]
[ReportColumn("name", CellKind.Text, "Name", "Its display name (may be non-ASCII)")]
[ReportColumn("status", CellKind.Text, "Status", "Its status: <c>active</c>, <c>suspended</c> (ran into its limit) or <c>disabled</c>; a string, so a status added later reads too")]
[ReportColumn("created_at", CellKind.Timestamp, "CreatedAt", "When it was created, in UTC")]
[ReportColumn("bandwidth_limit_bytes", CellKind.Int64, "BandwidthLimitBytes", "Its bandwidth cap in bytes")]
[ReportColumn("bandwidth_used_bytes", CellKind.Int64, "BandwidthUsedBytes", "The bandwidth used so far, in bytes")]
[ReportColumn("products", CellKind.ProductList, "Products", "The products it may use (the <c>;</c>-separated column, split); empty when the cell is empty")]
public sealed partial class SubuserRow : ReportRow;
