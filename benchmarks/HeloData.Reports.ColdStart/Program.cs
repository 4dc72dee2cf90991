// HeloData.Reports.ColdStart <floor|peer|sdk>: build one client and make one GET /reports/runs/{id}
// against an in-memory handler, then print one line of key=value figures for the `coldstart` probe
// (benchmarks/HeloData.Reports.Benchmarks). Everything after the call's end is bookkeeping, not timed.
#if ONLY_FLOOR || !(ONLY_PEER || ONLY_SDK)
#define HAS_FLOOR
#endif
#if ONLY_PEER || !(ONLY_FLOOR || ONLY_SDK)
#define HAS_PEER
#endif
#if ONLY_SDK || !(ONLY_FLOOR || ONLY_PEER)
#define HAS_SDK
#endif
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using HeloData.Reports.ColdStart;

var mainStamp = Stopwatch.GetTimestamp();
var mainJitMethods = JitInfo.GetCompiledMethodCount();
var variant = args is [var v] ? v : "";
var completed = variant switch
{
#if HAS_FLOOR
    "floor" => await Variants.FloorAsync(),
#endif
#if HAS_PEER
    "peer" => await Variants.PeerAsync(),
#endif
#if HAS_SDK
    "sdk" => await Variants.SdkAsync(),
#endif
    _ => (bool?)null,
};
var endStamp = Stopwatch.GetTimestamp();

// All threads' CPU time (getrusage, microseconds): what a loaded machine inflates least.
var cpu = Environment.CpuUsage.TotalTime;
var sinceProcessStart = ProcessClock.MillisecondsSinceStart();
var jitMethods = JitInfo.GetCompiledMethodCount();
var jitTime = JitInfo.GetCompilationTime();
var allocated = GC.GetTotalAllocatedBytes();
var collections = GC.CollectionCount(0);
if (completed is null)
{
    Console.Error.WriteLine("usage: HeloData.Reports.ColdStart floor|peer|sdk (this build has only some of them)");
    return 2;
}

// The probe's Stopwatch stamp just before Process.Start: the monotonic clock is the same in both processes.
var launched = long.TryParse(Environment.GetEnvironmentVariable("COLDSTART_LAUNCH_STAMP"), CultureInfo.InvariantCulture, out var l) ? l : 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"variant={variant} completed={completed} " +
    $"launch_to_main_ms={(launched == 0 ? double.NaN : Stopwatch.GetElapsedTime(launched, mainStamp).TotalMilliseconds):0.0} " +
    $"launch_to_call_end_ms={(launched == 0 ? double.NaN : Stopwatch.GetElapsedTime(launched, endStamp).TotalMilliseconds):0.0} " +
    $"main_to_call_end_ms={Stopwatch.GetElapsedTime(mainStamp, endStamp).TotalMilliseconds:0.0} " +
    $"main_to_client_ready_ms={Stopwatch.GetElapsedTime(mainStamp, Variants.ClientReadyStamp).TotalMilliseconds:0.0} " +
    $"proc_start_to_call_end_ms={sinceProcessStart:0} cpu_to_call_end_ms={cpu.TotalMilliseconds:0.0} " +
    $"peak_working_set_kib={ProcessClock.PeakWorkingSetKib()} " +
    $"jit_methods={jitMethods} jit_methods_at_main={mainJitMethods} jit_methods_at_client_ready={Variants.ClientReadyJitMethods} " +
    $"jit_ms={jitTime.TotalMilliseconds:0.0} allocated_kib={allocated / 1024} gen0_collections={collections} " +
    $"assemblies={AppDomain.CurrentDomain.GetAssemblies().Length}"));
#if !NATIVE_AOT
TypeMap.WriteIfAsked();
#endif
return completed.Value ? 0 : 1;
