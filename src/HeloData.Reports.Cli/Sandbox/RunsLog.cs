using System.Buffers;
using System.Globalization;
using System.Text.Json;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Sandbox;

/// <summary>
/// <c>--runs-log</c>: one NDJSON line for each run the sandbox creates, written and flushed before any
/// client can see the run, and one more when it reaches its final status (on the sandbox's clock), so
/// an outside check can tell exactly which runs exist. A run still in progress when the sandbox stops
/// has only its first line.
/// </summary>
/// <example>
/// <code>
/// {"event":"created","run_id":"run_…","report_id":"rep_…","from":"2026-06-01","to":"2026-06-01","status":"queued","scheduled":true,"hidden":false,"created_at":"2026-06-02T06:00:00Z","completed_at":null,"error":null}
/// {"event":"finished","run_id":"run_…",…,"status":"completed",…,"completed_at":"2026-06-02T06:00:03Z","error":null}
/// </code>
/// </example>
internal sealed class RunsLog : IDisposable
{
    private readonly FileStream _file;
    private readonly ArrayBufferWriter<byte> _line = new();
    private readonly Utf8JsonWriter _json;
    private readonly TimeProvider _time;
    private readonly HashSet<ITimer> _pending = [];
    private bool _disposed;

    private RunsLog(FileStream file, TimeProvider time)
    {
        _file = file;
        _json = new Utf8JsonWriter(_line);
        _time = time;
    }

    /// <summary>Creates (or empties) the log file.</summary>
    /// <exception cref="UsageException">The file cannot be written.</exception>
    public static RunsLog Open(string path, TimeProvider time)
    {
        try
        {
            return new RunsLog(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0), time);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--runs-log {path}: the file cannot be written ({exception.Message}).");
        }
    }

    /// <summary>The sandbox's <see cref="ReportsSandbox.RunCreated"/>: the first line now, the last at the run's end.</summary>
    public void OnRunCreated(object? sender, SandboxRun run)
    {
        lock (_pending)
        {
            if (_disposed)
            {
                return;
            }

            Write("created", run, "queued", completedAt: null);
            var wait = run.CompletedAt - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                // Made after its end (an instant timeline, or a scheduled run made late): finished already.
                WriteFinished(run);
                return;
            }

            // The callback waits for this lock, so it sees the timer assigned and added.
            ITimer? timer = null;
            timer = _time.CreateTimer(_ => Finished(run, timer!), null, wait, Timeout.InfiniteTimeSpan);
            _pending.Add(timer);
        }
    }

    public void Dispose()
    {
        lock (_pending)
        {
            _disposed = true;
            foreach (var timer in _pending)
            {
                timer.Dispose();
            }

            _pending.Clear();
            _json.Dispose();
            _file.Dispose();
        }
    }

    private void Finished(SandboxRun run, ITimer timer)
    {
        lock (_pending)
        {
            if (_disposed)
            {
                return;
            }

            _pending.Remove(timer);
            timer.Dispose();
            WriteFinished(run);
        }
    }

    private void WriteFinished(SandboxRun run) => Write("finished", run, run.ErrorCode is null ? "completed" : "failed", run.CompletedAt);

    private void Write(string kind, SandboxRun run, string status, DateTimeOffset? completedAt)
    {
        _line.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString("event", kind);
        _json.WriteString("run_id", run.RunId);
        _json.WriteString("report_id", run.ReportId);
        _json.WriteString("from", run.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _json.WriteString("to", run.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _json.WriteString("status", status);
        _json.WriteBoolean("scheduled", run.Scheduled);
        _json.WriteBoolean("hidden", run.Hidden);
        _json.WriteString("created_at", Timestamp(run.CreatedAt));
        WriteNullable("completed_at", completedAt is { } at ? Timestamp(at) : null);
        WriteNullable("error", completedAt is null ? null : run.ErrorCode);
        _json.WriteEndObject();
        _json.Flush();
        _line.Write("\n"u8);

        // Unbuffered, one write call per line: a process killed between two lines leaves no half line.
        _file.Write(_line.WrittenSpan);
        _file.Flush();
    }

    private void WriteNullable(string name, string? value)
    {
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            _json.WriteString(name, value);
        }
    }

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
