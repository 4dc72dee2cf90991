using HeloData.Reports.Models;

namespace HeloData.Reports.Cli;

/// <summary>
/// Shows a wait on stderr: on a terminal, one line rewritten every second with the status and the time
/// elapsed; otherwise (a log, a CI job) one plain line per status change, so nothing floods the log.
/// </summary>
internal sealed class WaitProgress : IProgress<ReportRun>, IAsyncDisposable
{
    private readonly CliContext _context;
    private readonly string _runId;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;
    private string _status = "waiting";
    private bool _lineOpen;

    public WaitProgress(CliContext context, string runId)
    {
        _context = context;
        _runId = runId;
        _started = context.Time.GetTimestamp();
        _ticker = context.ErrorIsTerminal ? TickAsync() : Task.CompletedTask;
    }

    public void Report(ReportRun value)
    {
        lock (_gate)
        {
            if (value.Status.ToString() == _status)
            {
                return;
            }

            _status = value.Status.ToString();
            if (_context.ErrorIsTerminal)
            {
                Redraw();
            }
            else
            {
                _context.Error.WriteLine($"run {_runId}: {_status} after {Formats.Duration(Elapsed)}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticker;
        lock (_gate)
        {
            if (_lineOpen)
            {
                _context.Error.WriteLine();
            }
        }

        _stop.Dispose();
    }

    private TimeSpan Elapsed => _context.Time.GetElapsedTime(_started);

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _context.Time);
        try
        {
            do
            {
                lock (_gate)
                {
                    Redraw();
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Redraw()
    {
        // Padded so a shorter status wipes what a longer one left on the line.
        _context.Error.Write($"\rrun {_runId}: {_status}, {Formats.Duration(Elapsed)} elapsed".PadRight(60));
        _lineOpen = true;
    }
}
