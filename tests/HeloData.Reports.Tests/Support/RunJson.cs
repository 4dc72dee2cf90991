namespace HeloData.Reports.Tests.Support;

/// <summary>Run-status bodies in the contract's shape.</summary>
internal static class RunJson
{
    public static string WithStatus(string status, string runId = "run_1") =>
        $$"""{"run_id":"{{runId}}","report_id":"rep_1","status":"{{status}}","from":"2026-05-01","to":"2026-05-28","created_at":"2026-05-29T10:00:00Z","completed_at":null,"download_url":null,"download_url_expires_at":null,"error":null}""";

    public static string Completed(Uri? downloadUrl, DateTimeOffset? expiresAt = null, string runId = "run_1") =>
        $$"""{"run_id":"{{runId}}","report_id":"rep_1","status":"completed","from":"2026-05-01","to":"2026-05-28","created_at":"2026-05-29T10:00:00Z","completed_at":"2026-05-29T10:02:13Z","download_url":{{Quote(downloadUrl?.ToString())}},"download_url_expires_at":{{Quote(expiresAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))}},"error":null}""";

    public static string Failed(string code, string message, string runId = "run_1") =>
        $$$"""{"run_id":"{{{runId}}}","report_id":"rep_1","status":"failed","error":{"code":"{{{code}}}","message":"{{{message}}}"}}""";

    private static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";
}
