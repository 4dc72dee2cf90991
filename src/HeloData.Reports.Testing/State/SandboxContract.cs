namespace HeloData.Reports.Testing.State;

/// <summary>
/// The wire contract as the sandbox serves it, in one place: the known values, error codes and formats.
/// Written independently of the SDK's own models, so the sandbox can catch the SDK misreading the contract.
/// </summary>
internal static class SandboxContract
{
    public static readonly string[] ReportTypes = ["traffic", "requests", "invoices", "subusers", "isp_batches"];
    public static readonly string[] Formats = ["csv", "tsv", "json", "parquet"];
    public static readonly string[] Products = ["residential", "mobile", "datacenter", "isp"];
    public static readonly string[] DestinationTypes = ["email", "webhook", "s3", "gcs"];

    /// <summary>Destinations the artifact is pushed to; a completed run of such a report has no download URL.</summary>
    public static readonly string[] PushDestinations = ["webhook", "s3", "gcs"];

    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    public const string DateFormat = "yyyy-MM-dd";
    public const string RequestIdHeader = "X-Request-Id";

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int RecentRuns = 10;
    public const int MaxNameLength = 256;

    public static class Codes
    {
        public const string BadRequest = "bad_request";
        public const string Unauthorized = "unauthorized";
        public const string FeatureNotInPlan = "feature_not_in_plan";
        public const string NotFound = "not_found";
        public const string InvalidCron = "invalid_cron";
        public const string DestinationUnreachable = "destination_unreachable";
        public const string ValidationFailed = "validation_failed";
        public const string RateLimited = "rate_limited";
        public const string InternalError = "internal_error";
    }
}
