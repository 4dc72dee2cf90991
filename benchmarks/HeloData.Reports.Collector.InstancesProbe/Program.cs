using HeloData.Reports.Collector.InstancesProbe;

// Runs collected per minute by 1 and by N collector processes sharing one PostgreSQL state store, against one sandbox
// holding every run before they start; the claim overhead per run against the in-memory store (one process).
//   HELODATA_TEST_POSTGRES="Host=…;Database=…" dotnet run -c Release --project benchmarks/HeloData.Reports.Collector.InstancesProbe -- [processes] [reports] [runs per report] [rounds]
// The parent starts the workers (this program, `worker`) itself; a worker reads its settings from the environment.
return args is ["worker", ..]
    ? await InstanceWorker.RunAsync()
    : await InstancesProbe.RunAsync(args);
