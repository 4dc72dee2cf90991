namespace HeloData.Reports.Cli;

/// <summary>
/// Shows a download on stderr when it is a terminal: bytes, rate, and a bar when the size is known,
/// redrawn at most ten times a second. Elsewhere it shows nothing; the command's closing line says what arrived.
/// </summary>
internal sealed class DownloadProgressBar(CliContext context) : IProgress<DownloadProgress>, IDisposable
{
    private const int BarWidth = 24;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly long _started = context.Time.GetTimestamp();
    private readonly Lock _gate = new();
    private long _lastDrawn = long.MinValue;
    private bool _lineOpen;

    public void Report(DownloadProgress value)
    {
        if (!context.ErrorIsTerminal)
        {
            return;
        }

        lock (_gate)
        {
            var now = context.Time.GetTimestamp();
            var done = value.TotalBytes is { } total && value.BytesReceived >= total;
            if (!done && _lastDrawn != long.MinValue && context.Time.GetElapsedTime(_lastDrawn, now) < RedrawEvery)
            {
                return;
            }

            _lastDrawn = now;
            var seconds = Math.Max(context.Time.GetElapsedTime(_started, now).TotalSeconds, 0.001);
            var rate = $"{Formats.Bytes((long)(value.BytesReceived / seconds))}/s";
            var line = value.Fraction is { } fraction && value.TotalBytes is { } size
                ? $"[{new string('#', (int)(fraction * BarWidth)).PadRight(BarWidth, '.')}] {(int)(fraction * 100),3}%  {Formats.Bytes(value.BytesReceived)} of {Formats.Bytes(size)}  {rate}"
                : $"{Formats.Bytes(value.BytesReceived)}  {rate}";
            context.Error.Write($"\r{line}".PadRight(70));
            _lineOpen = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_lineOpen)
            {
                context.Error.WriteLine();
                _lineOpen = false;
            }
        }
    }
}
