// Runs a ReportsSandbox in its own process, for clients that cannot host it themselves (the Native
// AOT smoke app, other languages, manual poking with curl). It prints the two lines a client needs,
// then serves until its standard input closes or it is stopped.
using HeloData.Reports;
using HeloData.Reports.Testing;

using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions
{
    RunTimeline = new RunTimeline(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(700)),
});
// The variables AddHeloReports and the CLI read when nothing else sets the address and the key.
Console.WriteLine($"{ReportsClientOptions.BaseAddressEnvironmentVariable}={sandbox.ApiBaseAddress}");
Console.WriteLine($"{ReportsClientOptions.ApiKeyEnvironmentVariable}={sandbox.ApiKey}");
Console.Out.Flush();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

// Standard input closing (the parent script going away) also stops the sandbox.
_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync() is not null)
    {
    }

    stop.Cancel();
});
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
