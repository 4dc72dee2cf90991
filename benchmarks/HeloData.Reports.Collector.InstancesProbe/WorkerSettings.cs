namespace HeloData.Reports.Collector.InstancesProbe;

/// <summary>The environment variables the parent hands each worker (the API key among them: never a process argument).</summary>
internal static class WorkerSettings
{
    public const string Api = "HELODATA_PROBE_API";
    public const string ApiKey = "HELODATA_PROBE_API_KEY";
    public const string Instance = "HELODATA_PROBE_INSTANCE";
    public const string Reports = "HELODATA_PROBE_REPORTS";
    public const string WarmupReport = "HELODATA_PROBE_WARMUP_REPORT";
    public const string WarmupRun = "HELODATA_PROBE_WARMUP_RUN";
    public const string Temp = "HELODATA_PROBE_TEMP";

    /// <summary><see cref="InMemory"/>, or the PostgreSQL schema of the shared state.</summary>
    public const string State = "HELODATA_PROBE_STATE";
    public const string Postgres = "HELODATA_TEST_POSTGRES";
    public const string InMemory = "in-memory";
}
