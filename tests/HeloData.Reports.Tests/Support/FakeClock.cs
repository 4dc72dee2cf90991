using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Tests.Support;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> forward while a task is blocked on it, so minutes of
/// polling take milliseconds. Tests using it give the transport generous timeouts, because the
/// clock also moves while a request is on the wire.
/// </summary>
internal static class FakeClock
{
    public static readonly DateTimeOffset Start = new(2026, 5, 29, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The client on <paramref name="time"/>, with transport timeouts generous enough that the fake clock
    /// moving while a request is on the wire never times it out.
    /// </summary>
    public static ClientHarness Harness(FakeTimeProvider time, int transportRetries = 3) => new(
        o =>
        {
            o.AttemptTimeout = TimeSpan.FromHours(1);
            o.TotalTimeout = TimeSpan.FromHours(2);
            o.MaxRetryAttempts = transportRetries;
        },
        time);

    public static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan? step = null, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(1));
            if (!task.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromMilliseconds(500));
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Runs <paramref name="task"/> to its end, moving the clock only while the code under test waits on a
    /// delay, and then straight to that delay's end. The clock never moves while a request is on the wire
    /// or an answer is being read, so the fake time at the end is the sum of the delays, on any machine.
    /// </summary>
    public static async Task<T> DriveDelaysAsync<T>(DelayTrackingClock clock, Task<T> task)
    {
        while (!task.IsCompleted)
        {
            if (await NextDelayOrEndAsync(clock, task) is { } due)
            {
                clock.Advance(due > clock.GetUtcNow() ? due - clock.GetUtcNow() : TimeSpan.Zero);
            }
        }

        return await task;
    }

    // Waits, in real time, for the code to register its next delay or to finish; the guard only stops a hang.
    private static async Task<DateTimeOffset?> NextDelayOrEndAsync(DelayTrackingClock clock, Task task)
    {
        var guard = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!task.IsCompleted)
        {
            if (clock.NextDelayDue is { } due)
            {
                return due;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(guard), "the code neither finished nor waited on the clock");
            await Task.WhenAny(task, Task.Delay(1));
        }

        return null;
    }

    /// <summary>Moves the clock forward in small steps until <paramref name="condition"/> holds; returns the fake time it first held.</summary>
    public static async Task<DateTimeOffset> AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan limit, TimeSpan? step = null)
    {
        var deadline = time.GetUtcNow() + limit;
        while (!condition())
        {
            Assert.That(time.GetUtcNow(), Is.LessThan(deadline), "the condition never held");
            time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            await Task.Delay(2);
        }

        return time.GetUtcNow();
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/> in small steps, letting callbacks run between them.</summary>
    public static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan duration, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromMilliseconds(250);
        for (var moved = TimeSpan.Zero; moved < duration; moved += size)
        {
            time.Advance(moved + size > duration ? duration - moved : size);
            await Task.Delay(2);
        }
    }
}
