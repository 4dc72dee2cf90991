using System.Globalization;
using BenchmarkDotNet.Running;
using HeloData.Reports.Benchmarks;

// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- all        (every benchmark, then the polling and rows-memory checks)
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- p1 [--no-aot]   (cold start, then GetRunBenchmarks, then p1-calls)
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- p1-calls [calls] [rounds]
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- coldstart [runs] [--no-aot]
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- coldstart-jit
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- workingset sdk|raw
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- polling [runs] [--schedule]
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- breakdown [calls] [rounds]
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- concurrency [waits] [--uncapped]
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- rows [BenchmarkDotNet options]   (RowsBenchmarks, then rows-memory)
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- rows-cpu [rounds] [formats…]   (SDK ÷ hand-written and ÷ peers by CPU time, e.g. rows-cpu 10, rows-cpu 10 csv json; one markdown table)
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- rows-memory [rows] [format]
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- webhook-abuse [unsigned|forged] [senders] [MiB]
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- webhook-store [deliveries] [senders]
switch (args)
{
    case ["p1", ..]:
        // Cold start first: its builds and AOT publishes would disturb the per-call measurements.
        ColdStartProbe.Run(args[1..]);
        Console.WriteLine();
        BenchmarkSwitcher.FromAssembly(typeof(GetRunBenchmarks).Assembly).Run(["--filter", $"*.{nameof(GetRunBenchmarks)}.*"]);
        Console.WriteLine();
        return await P1Probe.RunAsync([]);
    case ["p1-calls", ..]:
        return await P1Probe.RunAsync(args[1..]);
    case ["coldstart", ..]:
        return ColdStartProbe.Run(args[1..]);
    case ["coldstart-jit"]:
        return JitMap.Run(args[1..]);
    case ["workingset", var variant]:
        return await WorkingSetProbe.RunAsync(variant);
    case ["polling", ..]:
        return await PollingSimulation.RunAsync(args[1..]);
    case ["breakdown", ..]:
        return await BreakdownProbe.RunAsync(args[1..]);
    case ["concurrency", ..]:
        return await ConcurrentWaitsProbe.RunAsync(args[1..]);
    case ["concurrency-server"]: // the probe's loopback server, started by the probe in a process of its own
        return await ConcurrentWaitsProbe.ServeAsync();
    case ["rows", ..]:
        BenchmarkSwitcher.FromAssembly(typeof(RowsBenchmarks).Assembly).Run(["--filter", $"*.{nameof(RowsBenchmarks)}.*", .. args[1..]]);
        Console.WriteLine();
        return await RowsMemoryProbe.RunAsync([]);
    case ["rows-cpu", ..]:
        return await RowsCpuProbe.RunAsync(args[1..]);
    case ["rows-memory", ..]:
        return await RowsMemoryProbe.RunAsync(args[1..]);
    case ["rows-sandbox", var rows]: // the rows-memory probe's sandbox, started by the probe in a process of its own
        return await RowsMemoryProbe.ServeAsync(long.Parse(rows, CultureInfo.InvariantCulture));
    case ["collector-memory", ..]:
        return await CollectorMemoryProbe.RunAsync(args[1..]);
    case ["webhook-abuse", ..]:
        return await WebhookAbuseProbe.RunAsync(args[1..]);
    case ["webhook-abuse-receiver", var temp]: // the probe's receiver, started by the probe in a process of its own
        return await WebhookAbuseProbe.ServeAsync(temp);
    case ["webhook-store", ..]:
        return await WebhookDeliveryProbe.RunAsync(args[1..]);
    case ["all", ..]:
        BenchmarkSwitcher.FromAssembly(typeof(DownloadBenchmarks).Assembly).Run(["--filter", "*", .. args[1..]]);
        Console.WriteLine();
        var polling = await PollingSimulation.RunAsync([]);
        Console.WriteLine();
        var rowsMemory = await RowsMemoryProbe.RunAsync([]);
        return polling != 0 ? polling : rowsMemory;
}

BenchmarkSwitcher.FromAssembly(typeof(DownloadBenchmarks).Assembly).Run(args);
return 0;
