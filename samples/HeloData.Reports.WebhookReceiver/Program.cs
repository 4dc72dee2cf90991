// The HeloData.Reports webhook receiver: saves each verified delivery once, as {runId}.{extension},
// in HELODATA_WEBHOOK_DIR. With --sandbox it also starts the embedded sandbox, has it push one report
// to itself, and exits 0 once that delivery is stored (1 if it is not within a minute).
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HeloData.Reports.AspNetCore;
using HeloData.Reports.WebhookReceiver;
using Microsoft.Extensions.Options;

const string HookPath = "/hooks/helodata";
var sandboxMode = args.Contains("--sandbox");

// The console may not default to UTF-8 (Windows), and the stored line has an arrow in it.
Console.OutputEncoding = Encoding.UTF8;

// A fresh secret per sandbox run: nothing to configure, and nothing real to leak. It is never printed.
var secret = sandboxMode
    ? "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
    : Environment.GetEnvironmentVariable("HELODATA_WEBHOOK_SECRET");
if (string.IsNullOrWhiteSpace(secret))
{
    Console.Error.WriteLine("Set HELODATA_WEBHOOK_SECRET to the webhook destination's signing_secret (whsec_...), or run with --sandbox.");
    return 2;
}

var folder = new DeliveryFolder(Environment.GetEnvironmentVariable("HELODATA_WEBHOOK_DIR") is { Length: > 0 } dir ? dir : "deliveries");
Directory.CreateDirectory(folder.Path);

// "--sandbox" is ours, not a configuration key: the command-line provider would take the next argument as its value.
var builder = WebApplication.CreateBuilder([.. args.Where(a => a != "--sandbox")]);
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

// Request logs would double every delivery's line; the endpoint's own lines (refusals at Warning) stay.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var settings = ReceiverSettings.Read(builder.Configuration, out var settingsError);
if (settingsError is not null)
{
    Console.Error.WriteLine(settingsError);
    return 2;
}

if (sandboxMode && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    // Any free loopback port: the sandbox only pushes to loopback, and the address is read back after start.
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

builder.Services.AddHeloReportsWebhooks(o =>
{
    o.SigningSecrets = [secret];

    // Beside the artifacts it vouches for: the record of handled runs survives restarts with them.
    o.StorePath = Path.Combine(folder.Path, ".receiver", "handled-runs.db");
    settings.ApplyTo(o);
});

// After the store has taken its instance lock, before the server takes a delivery: a second receiver on this
// folder fails on the lock before it could delete the live one's in-flight partial files.
builder.Services.AddSingleton<IHostedService>(new LeftoverSweep(folder));

var stored = new TaskCompletionSource<StoredDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
var app = builder.Build();
try
{
    // Checked now, so a bad setting is one line and exit 2, not a stack trace from the first use.
    var options = app.Services.GetRequiredService<IOptions<ReportWebhookOptions>>().Value;
    app.MapHeloReportsWebhook(HookPath, async (delivery, ct) =>
    {
        var file = await folder.StoreAsync(delivery, ct);
        Console.Out.WriteLine(file);
        stored.TrySetResult(file);
    });
    Console.Out.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"receiving at most {options.MaxDeliveryBytes} bytes per delivery, {options.MaxConcurrentDeliveries} unverified at once, spooled under {options.TemporaryDirectory ?? Path.GetTempPath()}, as instance {options.InstanceName ?? Environment.MachineName}"));
}
catch (OptionsValidationException exception)
{
    // The library's messages name a secret by position, never by value; this sample has one, HELODATA_WEBHOOK_SECRET.
    Console.Error.WriteLine($"The receiver's settings are not usable: {string.Join(" ", exception.Failures)}{(sandboxMode ? "" : " (signing secret #1 is HELODATA_WEBHOOK_SECRET)")}");
    return 2;
}
catch (InvalidOperationException exception)
{
    // The spool folder under HELODATA_WEBHOOK_TEMP_DIR cannot be created or written.
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (!sandboxMode)
{
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
try
{
    return await SandboxRoundTrip.RunAsync(SandboxRoundTrip.HookUrl(app.Urls, HookPath), secret, stored.Task, TimeSpan.FromSeconds(60));
}
finally
{
    await app.StopAsync();
}
