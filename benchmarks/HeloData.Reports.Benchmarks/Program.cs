using BenchmarkDotNet.Running;
using HeloData.Reports.Benchmarks;

// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/HeloData.Reports.Benchmarks -- workingset sdk|raw
if (args is ["workingset", var variant])
{
    return await WorkingSetProbe.RunAsync(variant);
}

BenchmarkSwitcher.FromAssembly(typeof(DownloadBenchmarks).Assembly).Run(args);
return 0;
