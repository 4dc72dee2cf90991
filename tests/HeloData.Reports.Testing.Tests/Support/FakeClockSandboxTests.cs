using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Testing.Tests.Support;

/// <summary>A fresh sandbox for each test, on a fake clock from a Monday morning, with raw HTTP to it.</summary>
public abstract class FakeClockSandboxTests
{
    /// <summary>Monday 2026-06-01 08:00 UTC.</summary>
    private protected static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private protected FakeTimeProvider Time { get; private set; } = null!;

    private protected ReportsSandbox Sandbox { get; private set; } = null!;

    private protected SandboxHttp Http { get; private set; } = null!;

    [SetUp]
    public void StartSandbox()
    {
        Time = new FakeTimeProvider(Start);
        var options = Options();
        options.TimeProvider = Time;
        Sandbox = ReportsSandbox.Start(options);
        Http = new SandboxHttp(Sandbox);
    }

    [TearDown]
    public void StopSandbox()
    {
        Http.Dispose();
        Sandbox.Dispose();
    }

    /// <summary>The sandbox's settings; the clock is set after.</summary>
    private protected virtual ReportsSandboxOptions Options() => new();
}
