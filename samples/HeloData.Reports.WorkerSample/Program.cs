// A Generic Host worker that exports last month's invoices to disk. The client is bound from the
// HeloReports section (appsettings.json, or HeloReports__ApiKey in the environment), and AddHeloReports
// reads HELODATA_API_KEY / HELODATA_BASE_URL for what the section leaves unset; with no key at all it
// runs against the embedded sandbox, like the quickstart.
using HeloData.Reports;
using HeloData.Reports.Testing;
using HeloData.Reports.WorkerSample;

var builder = Host.CreateApplicationBuilder(args);
var section = builder.Configuration.GetSection("HeloReports");
builder.Services.AddHeloReports(section);
if (string.IsNullOrWhiteSpace(section["ApiKey"]) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ReportsClientOptions.ApiKeyEnvironmentVariable)))
{
    var sandbox = ReportsSandbox.Start();
    builder.Services.AddSingleton(sandbox); // disposed with the host
    builder.Services.PostConfigure<ReportsClientOptions>(sandbox.Configure);
}

builder.Services.Configure<InvoiceExportOptions>(builder.Configuration.GetSection("InvoiceExport"));
builder.Services.AddHostedService<InvoiceExportWorker>();
await builder.Build().RunAsync();
