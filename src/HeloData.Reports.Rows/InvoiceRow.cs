namespace HeloData.Reports.Rows;

/// <summary>A row of an <c>invoices</c> report: one invoice line item.</summary>
[ReportRowType("invoices")]
[ReportColumn("invoice_id", CellKind.Text, "InvoiceId", "The invoice")]
[ReportColumn("line_id", CellKind.Text, "LineId", "The line item, unique")]
[ReportColumn("issued_on", CellKind.Date, "IssuedOn", "The invoice date (the last day billed)")]
[ReportColumn("period_start", CellKind.Date, "PeriodStart", "The first day billed")]
[ReportColumn("period_end", CellKind.Date, "PeriodEnd", "The last day billed")]
[ReportColumn("product", CellKind.Product, "Product", "The product billed")]
[ReportColumn("description", CellKind.Text, "Description", "The human-readable line")]
[ReportColumn("quantity", CellKind.Decimal, "Quantity", "The units billed (three decimals in the sandbox)")]
[ReportColumn("unit", CellKind.Text, "Unit", "The unit: <c>GB</c> or <c>ip_month</c>")]
[ReportColumn("unit_price_usd", CellKind.Decimal, "UnitPriceUsd", "The price per unit in USD (four decimals in the sandbox)")]
[ReportColumn("amount_usd", CellKind.Decimal, "AmountUsd", "The amount in USD: quantity times unit price, rounded to cents")]
public sealed partial class InvoiceRow : ReportRow;
