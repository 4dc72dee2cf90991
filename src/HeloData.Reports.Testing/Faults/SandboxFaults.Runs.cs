using System.Globalization;
using HeloData.Reports.Testing.Artifacts;

namespace HeloData.Reports.Testing;

// Faults of the service's runs themselves, decided once per run as it is created (unlike the
// request faults, they do not wear off).
public sealed partial class SandboxFaults
{
    private const string FailureCode = "internal_error";
    private const string FailureMessage = "the export failed (sandbox fault injection).";

    private double _hiddenFraction;
    private Func<SandboxRun, bool>? _hiddenRule;
    private double _failedFraction;
    private Func<SandboxRun, bool>? _failedRule;

    /// <summary>
    /// Keeps a fraction of the scheduled runs created from now on out of <c>recent_runs</c>: such a run
    /// exists, completes and is read by id as any other, but no list ever shows it, so a client finds
    /// it missing only from the report's schedule (gap detection). Which runs is decided by the
    /// sandbox's <see cref="ReportsSandboxOptions.Seed"/> and each run's id: the same every time.
    /// </summary>
    /// <remarks>
    /// On-demand runs are never hidden by a fraction: whoever started one has its id, and nobody else
    /// could find it. See <see cref="SandboxRun.Hidden"/> and <see cref="ReportsSandbox.Runs"/>.
    /// </remarks>
    /// <param name="fraction">From 0 (none, the default) to 1 (every scheduled run).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not from 0 to 1.</exception>
    public void HideRuns(double fraction) => SetFraction(ref _hiddenFraction, fraction);

    /// <summary>
    /// Keeps out of <c>recent_runs</c> every run created from now on, scheduled or on demand, for which
    /// <paramref name="rule"/> is true; such a run is still read by id. The rule sees each run once, as
    /// it is created, in creation order (under the sandbox's lock: keep it quick), so it may count.
    /// </summary>
    /// <example>
    /// <code>
    /// var seen = 0;
    /// sandbox.Faults.HideRuns(run => run.Scheduled &amp;&amp; ++seen % 6 == 0);   // 5 of the next 30 scheduled runs
    /// </code>
    /// </example>
    /// <param name="rule">Which runs to hide; <see langword="null"/> to stop.</param>
    public void HideRuns(Func<SandboxRun, bool>? rule)
    {
        lock (_gate)
        {
            _hiddenRule = rule;
        }
    }

    /// <summary>
    /// Makes a fraction of the scheduled runs created from now on end <c>failed</c>, with
    /// <c>error.code</c> <c>internal_error</c>, after the sandbox's <see cref="RunTimeline"/>. Which
    /// runs is decided by the sandbox's <see cref="ReportsSandboxOptions.Seed"/> and each run's id.
    /// On-demand runs fail only by <see cref="FailRuns(Func{SandboxRun, bool})"/> or a failing
    /// <see cref="RunTimeline"/>, so a client's replacement of a failed scheduled run can succeed.
    /// </summary>
    /// <param name="fraction">From 0 (none, the default) to 1 (every scheduled run).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not from 0 to 1.</exception>
    public void FailRuns(double fraction) => SetFraction(ref _failedFraction, fraction);

    /// <summary>
    /// Makes every run created from now on, scheduled or on demand, for which <paramref name="rule"/> is
    /// true end <c>failed</c> with <c>error.code</c> <c>internal_error</c>. The rule sees each run once,
    /// as it is created, in creation order (under the sandbox's lock: keep it quick).
    /// </summary>
    /// <param name="rule">Which runs fail; <see langword="null"/> to stop.</param>
    public void FailRuns(Func<SandboxRun, bool>? rule)
    {
        lock (_gate)
        {
            _failedRule = rule;
        }
    }

    /// <summary>Decides the run faults of a run being created: the timeline it gets, and whether it is hidden.</summary>
    internal (RunTimeline Timeline, bool Hidden) ForNewRun(SandboxRun run, RunTimeline timeline, int seed)
    {
        lock (_gate)
        {
            var fails = (run.Scheduled && Draw("fail", run.RunId, seed) < _failedFraction) || (_failedRule?.Invoke(run) ?? false);
            var hidden = (run.Scheduled && Draw("hide", run.RunId, seed) < _hiddenFraction) || (_hiddenRule?.Invoke(run) ?? false);
            return (fails && timeline.FailureCode is null ? timeline with { FailureCode = FailureCode, FailureMessage = FailureMessage } : timeline, hidden);
        }
    }

    private void ResetRunFaults()
    {
        _hiddenFraction = _failedFraction = 0;
        _hiddenRule = _failedRule = null;
    }

    /// <summary>A number from 0 to 1, the same in every process for one seed, fault and run.</summary>
    private static double Draw(string fault, string runId, int seed) =>
        (StableSeed.Hash(fault, runId, seed.ToString(CultureInfo.InvariantCulture)) >> 11) * (1.0 / (1UL << 53));

    private void SetFraction(ref double field, double fraction)
    {
        if (!(fraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A fraction of runs is from 0 to 1.");
        }

        lock (_gate)
        {
            field = fraction;
        }
    }
}
