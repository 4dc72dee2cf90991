namespace HeloData.Reports.WorkerSample;

/// <summary>Where the worker writes exports.</summary>
public sealed class InvoiceExportOptions
{
    /// <summary>The folder the invoice files go to, created if missing.</summary>
    public string OutputDirectory { get; set; } = "exports";
}
