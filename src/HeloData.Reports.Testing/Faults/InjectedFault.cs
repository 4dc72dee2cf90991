namespace HeloData.Reports.Testing;

// What SandboxFaults hands the hosts for one request or download.
internal enum ApiFaultKind
{
    None,
    Drop,
    Status,
}

internal enum DownloadFault
{
    None,
    Truncate,
    Stall,
}

internal readonly record struct ApiFault(ApiFaultKind Kind, TimeSpan Latency, int Status, TimeSpan? RetryAfter);
