using HeloData.Reports.Testing;

namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>A sandbox whose runs complete at once, and a temporary folder, new for each test.</summary>
public abstract class SandboxFixture
{
    private protected ReportsSandbox Sandbox { get; private set; } = null!;

    private protected TempFolder Temp { get; private set; } = null!;

    [SetUp]
    public void StartSandbox()
    {
        Sandbox = SandboxRuns.Start();
        Temp = new TempFolder();
    }

    [TearDown]
    public void StopSandbox()
    {
        Sandbox.Dispose();
        Temp.Dispose();
    }
}
