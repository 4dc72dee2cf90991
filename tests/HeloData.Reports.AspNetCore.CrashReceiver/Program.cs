// The receiver CrashTests kills mid-batch: the sample's handler (save each verified delivery once, as
// {runId}.{extension}, after sweeping what a killed life left), with one line per handler call on stdout and
// a test-only hook. CRASH_RECEIVER_HANG=run_x:mid-handler stops the handler of run_x before it stores anything;
// run_x:after-handler stops it after the file is stored, before the endpoint records the run. Either way it
// says so on stdout and waits for the test's kill -9.
using System.Globalization;
using HeloData.Reports.WebhookReceiver;

var folder = new DeliveryFolder(Environment.GetEnvironmentVariable("HELODATA_WEBHOOK_DIR")!);
Directory.CreateDirectory(folder.Path);
folder.SweepLeftovers();
var hang = (Environment.GetEnvironmentVariable("CRASH_RECEIVER_HANG") ?? string.Empty).Split(':');

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddHeloReportsWebhooks(o =>
{
    o.SigningSecrets = [Environment.GetEnvironmentVariable("HELODATA_WEBHOOK_SECRET")!];
    o.StorePath = Path.Combine(folder.Path, ".receiver", "handled-runs.db");
    o.TemporaryDirectory = Environment.GetEnvironmentVariable("CRASH_RECEIVER_SPOOL");
    o.InstanceName = "crash-test-receiver";
});

var app = builder.Build();
app.MapHeloReportsWebhook("/hooks", async (delivery, ct) =>
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"enter {delivery.RunId} attempt={delivery.Attempt} may={delivery.MayHaveBeenHandled}"));
    await Hang(delivery.RunId, "mid-handler", ct);
    await folder.StoreAsync(delivery, ct);
    Console.WriteLine($"stored {delivery.RunId}");
    await Hang(delivery.RunId, "after-handler", ct);
});

await app.StartAsync();
Console.WriteLine("listening");
await app.WaitForShutdownAsync();

async Task Hang(string runId, string point, CancellationToken ct)
{
    if (hang is [var run, var at] && run == runId && at == point)
    {
        Console.WriteLine($"hanging {runId} {point}");
        await Task.Delay(Timeout.Infinite, ct);
    }
}
