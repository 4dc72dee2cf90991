// The HeloData.Reports quickstart: the main job, end to end, printed step by step.
// Without HELODATA_API_KEY it runs against the embedded sandbox; with it, against the real service
// (or HELODATA_BASE_URL, for a staging or test service).
using HeloData.Reports;
using HeloData.Reports.Quickstart;
using HeloData.Reports.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var apiKey = Environment.GetEnvironmentVariable(ReportsClientOptions.ApiKeyEnvironmentVariable);
using var sandbox = string.IsNullOrWhiteSpace(apiKey) ? ReportsSandbox.Start() : null;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var services = new ServiceCollection();

// With the sandbox, its address and key; otherwise AddHeloReports reads HELODATA_API_KEY and HELODATA_BASE_URL itself.
services.AddHeloReports(options => sandbox?.Configure(options));
await using var provider = services.BuildServiceProvider();

Console.WriteLine("HeloData.Reports quickstart");
try
{
    // Validate the settings now, with their own message, rather than on the first call.
    var settings = provider.GetRequiredService<IOptions<ReportsClientOptions>>().Value;
    Console.WriteLine(sandbox is not null
        ? $"Using the embedded sandbox at {settings.BaseAddress} (set HELODATA_API_KEY to use the real service)."
        : $"Using {settings.BaseAddress}.");

    var flow = new QuickstartFlow(provider.GetRequiredService<IReportsClient>(), Console.Out);
    await flow.RunAsync(cancellation.Token);
    Console.WriteLine("Done.");
    return 0;
}
catch (ReportsException exception)
{
    Console.Error.WriteLine($"Failed: {exception.ErrorCode}: {exception.Message}");
    return 1;
}
catch (OptionsValidationException exception)
{
    Console.Error.WriteLine($"Failed: invalid settings: {exception.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Failed: cancelled.");
    return 130;
}
