using System.Diagnostics;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// A measured stretch's working-set growth, for the memory probes: the baseline after a full GC; the peak sampled
/// every 5 ms and, on Linux, also read exactly from the kernel's high-water mark (VmHWM, reset to the current size
/// at the baseline through <c>/proc/self/clear_refs</c>).
/// </summary>
internal sealed class WorkingSetPeak
{
    private readonly CancellationTokenSource _sampling = new();
    private readonly bool _highWaterReset;
    private readonly Task _sampler;
    private long _sampled;

    private WorkingSetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        Baseline = _sampled = process.WorkingSet64;
        _highWaterReset = TryResetHighWaterMark();
        _sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!_sampling.IsCancellationRequested)
            {
                self.Refresh();
                _sampled = Math.Max(_sampled, self.WorkingSet64);
                await Task.Delay(5);
            }
        });
    }

    public long Baseline { get; }

    /// <summary>The highest working set sampled.</summary>
    public long Sampled => _sampled;

    /// <summary>The kernel's high-water mark since the baseline, once stopped; <see langword="null"/> where it cannot be reset.</summary>
    public long? HighWater { get; private set; }

    /// <summary>The growth above the baseline, by the higher of the two peaks.</summary>
    public long Growth => Math.Max(_sampled, HighWater ?? 0) - Baseline;

    public static WorkingSetPeak Start() => new();

    public async Task StopAsync()
    {
        await _sampling.CancelAsync();
        await _sampler;
        using var process = Process.GetCurrentProcess();
        HighWater = _highWaterReset ? process.PeakWorkingSet64 : null;
    }

    // Linux: writing 5 to clear_refs resets VmHWM to the current resident size, so PeakWorkingSet64 is this stretch's peak.
    private static bool TryResetHighWaterMark()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
