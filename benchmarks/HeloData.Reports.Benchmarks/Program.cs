using BenchmarkDotNet.Running;
using HeloData.Reports.Benchmarks;

// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- all        (every benchmark, then the polling check)
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- workingset sdk|raw
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- polling [runs] [--schedule]
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- breakdown [calls] [rounds]
switch (args)
{
    case ["workingset", var variant]:
        return await WorkingSetProbe.RunAsync(variant);
    case ["polling", ..]:
        return await PollingSimulation.RunAsync(args[1..]);
    case ["breakdown", ..]:
        return await BreakdownProbe.RunAsync(args[1..]);
    case ["all", ..]:
        BenchmarkSwitcher.FromAssembly(typeof(DownloadBenchmarks).Assembly).Run(["--filter", "*", .. args[1..]]);
        Console.WriteLine();
        return await PollingSimulation.RunAsync([]);
}

BenchmarkSwitcher.FromAssembly(typeof(DownloadBenchmarks).Assembly).Run(args);
return 0;
