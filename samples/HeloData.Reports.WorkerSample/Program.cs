// A Generic Host worker that exports last month's invoices to disk. The client is bound from
// appsettings.json and the environment (HeloReports__ApiKey, or HELODATA_API_KEY); with no key at
// all it runs against the embedded sandbox, like the quickstart.
using HeloData.Reports.Testing;
using HeloData.Reports.WorkerSample;

var builder = Host.CreateApplicationBuilder(args);
var apiKey = builder.Configuration["HeloReports:ApiKey"] is { Length: > 0 } configured
    ? configured
    : Environment.GetEnvironmentVariable("HELODATA_API_KEY");

var reports = builder.Services.AddHeloReports(builder.Configuration.GetSection("HeloReports"));
if (string.IsNullOrWhiteSpace(apiKey))
{
    var sandbox = ReportsSandbox.Start();
    builder.Services.AddSingleton(sandbox); // disposed with the host
    builder.Services.PostConfigure<HeloData.Reports.ReportsClientOptions>(sandbox.Configure);
}
else
{
    builder.Services.PostConfigure<HeloData.Reports.ReportsClientOptions>(o => o.ApiKey = apiKey);
}

builder.Services.Configure<InvoiceExportOptions>(builder.Configuration.GetSection("InvoiceExport"));
builder.Services.AddHostedService<InvoiceExportWorker>();
await builder.Build().RunAsync();
