// A Native AOT smoke test of HeloData.Reports with its typed rows (HeloData.Reports.Rows; the client
// alone is samples/HeloData.Reports.AotSmoke.Client): create → run → wait → download → delete, then the
// run's rows read typed and plain, against the service named by HELODATA_BASE_URL and
// HELODATA_API_KEY (in CI, a sandbox in another process). Every row reader (parquet from a download
// and from a file, NDJSON, csv) runs once here, because trimming and AOT problems show only at run
// time on the code path that hits them. Exit 0 only when every step succeeded.
using System.Globalization;
using HeloData.Reports;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using Microsoft.Extensions.DependencyInjection;

// AddHeloReports() takes the key and the address from HELODATA_API_KEY and HELODATA_BASE_URL itself, so its
// environment fallback runs under Native AOT too; without them, resolving the client names what to set.
var services = new ServiceCollection();
services.AddHeloReports();
await using var provider = services.BuildServiceProvider();
var reports = provider.GetRequiredService<IReportsClient>();
var window = new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 7) };
var fastWait = new WaitForCompletionOptions { InitialDelay = TimeSpan.FromMilliseconds(200), MinPollInterval = TimeSpan.FromMilliseconds(200) };

// Published with -p:HeloDataParquetRows=false, the app turns parquet reading off (a feature switch the
// trimmer honours): Parquet.Net's reader, and its three warnings, are left out, so that publish must have
// no trim/AOT warning at all. It reads the text formats, and checks that a parquet run is refused.
var parquet = !AppContext.TryGetSwitch("HeloData.Reports.Rows.Parquet.IsSupported", out var parquetOn) || parquetOn;

try
{
    if (!parquet)
    {
        await RunAndCheckAsync<TrafficRow>(ReportType.Traffic, ReportFormat.Csv, "bandwidth_bytes", row => row.BandwidthBytes, Number);
        await RunAndCheckAsync<TrafficRow>(ReportType.Traffic, ReportFormat.Tsv, "bandwidth_bytes", row => row.BandwidthBytes, Number);
        await RunAndCheckAsync<InvoiceRow>(ReportType.Invoices, ReportFormat.Csv, "amount_usd", row => row.AmountUsd, Number);
        await RunAndCheckAsync<RequestRow>(ReportType.Requests, ReportFormat.Json, "timestamp", row => row.Timestamp.ToUnixTimeSeconds(), UnixSeconds);
        await CheckParquetRefusedAsync();
        return 0;
    }

    var report = await reports.CreateReportAsync(new NewReport("aot-smoke", ReportType.Traffic, ReportFormat.Parquet));
    try
    {
        var run = await reports.RunReportAndWaitAsync(report.Id, window, fastWait);
        var path = Path.Combine(Path.GetTempPath(), $"aot-smoke-{run.RunId}.parquet");
        var download = await reports.DownloadToFileAsync(run, path);
        try
        {
            var magic = new byte[4];
            await using (var file = File.OpenRead(path))
            {
                await file.ReadExactlyAsync(magic);
            }

            if (download.Bytes == 0 || System.Text.Encoding.ASCII.GetString(magic) != "PAR1")
            {
                Console.Error.WriteLine("The artifact is not a parquet file.");
                return 1;
            }

            Console.WriteLine($"AOT smoke: report {report.Id}, run {run.RunId} {run.Status}, {download.Bytes} bytes of parquet.");

            // The download is spooled to a temporary file; the file on disk is read in place. Both must agree.
            var fromRun = await CheckRowsAsync<TrafficRow>("traffic parquet", run, "bandwidth_bytes", row => row.BandwidthBytes, Number);
            var fromFile = await SumAsync(ReportRows.ReadAsync<TrafficRow>(File.OpenRead(path), ReportFormat.Parquet), row => row.BandwidthBytes);
            if (fromFile != fromRun)
            {
                throw new InvalidOperationException($"The parquet file on disk read as {fromFile}, the run's download as {fromRun}.");
            }

            Console.WriteLine($"AOT rows: traffic parquet file: {fromFile.Rows} rows, sum(bandwidth_bytes) {fromFile.Sum} (= the run's)");
        }
        finally
        {
            File.Delete(path);
        }
    }
    finally
    {
        await reports.DeleteReportAsync(report.Id);
    }

    // One more report per reader and per value type the parquet traffic run leaves out:
    // NDJSON and csv (Sep), decimals and dates (invoices), timestamps (requests).
    await RunAndCheckAsync<TrafficRow>(ReportType.Traffic, ReportFormat.Json, "bandwidth_bytes", row => row.BandwidthBytes, Number);
    await RunAndCheckAsync<TrafficRow>(ReportType.Traffic, ReportFormat.Csv, "bandwidth_bytes", row => row.BandwidthBytes, Number);
    await RunAndCheckAsync<InvoiceRow>(ReportType.Invoices, ReportFormat.Parquet, "amount_usd", row => row.AmountUsd, Number);
    await RunAndCheckAsync<RequestRow>(ReportType.Requests, ReportFormat.Parquet, "timestamp", row => row.Timestamp.ToUnixTimeSeconds(), UnixSeconds);
    await RunAndCheckAsync<RequestRow>(ReportType.Requests, ReportFormat.Json, "timestamp", row => row.Timestamp.ToUnixTimeSeconds(), UnixSeconds);
    await CheckOptionalColumnsAsync();
    await CheckDuckDbParquetAsync();
    return 0;
}
catch (ReportsException exception)
{
    Console.Error.WriteLine($"Failed: {exception.ErrorCode}: {exception.Message}");
    return 1;
}
catch (Exception exception) when (exception is ReportRowFormatException or InvalidOperationException or KeyNotFoundException)
{
    Console.Error.WriteLine($"Failed: {exception.GetType().Name}: {exception.Message}");
    return 1;
}

async Task RunAndCheckAsync<TRow>(ReportType type, ReportFormat format, string column, Func<TRow, decimal> typed, Func<string, decimal> plain)
    where TRow : ReportRow
{
    var report = await reports.CreateReportAsync(new NewReport($"aot-smoke-{type}-{format}", type, format));
    try
    {
        var run = await reports.RunReportAndWaitAsync(report.Id, window, fastWait);
        await CheckRowsAsync($"{type} {format}", run, column, typed, plain);
    }
    finally
    {
        await reports.DeleteReportAsync(report.Id);
    }
}

// With parquet turned off, a parquet run's rows are refused with NotSupportedException, naming the switch.
async Task CheckParquetRefusedAsync()
{
    var report = await reports.CreateReportAsync(new NewReport("aot-smoke-no-parquet", ReportType.Traffic, ReportFormat.Parquet));
    try
    {
        var run = await reports.RunReportAndWaitAsync(report.Id, window, fastWait);
        try
        {
            await SumAsync(reports.ReadRowsAsync<TrafficRow>(run), row => row.BandwidthBytes);
            throw new InvalidOperationException("A parquet run was read although parquet reading is turned off.");
        }
        catch (NotSupportedException exception) when (exception.Message.Contains("HeloData.Reports.Rows.Parquet.IsSupported", StringComparison.Ordinal))
        {
            Console.WriteLine("AOT rows: parquet turned off: a parquet run is refused, naming the switch");
        }
    }
    finally
    {
        await reports.DeleteReportAsync(report.Id);
    }
}

// Reads a run's rows typed, then again as plain ReportRow, and checks both give the same count and
// the same sum of one column: the typed parse against the text the file holds.
async Task<(long Rows, decimal Sum)> CheckRowsAsync<TRow>(string label, ReportRun run, string column, Func<TRow, decimal> typed, Func<string, decimal> plain)
    where TRow : ReportRow
{
    var typedResult = await SumAsync(reports.ReadRowsAsync<TRow>(run), typed);
    var plainResult = await SumAsync(reports.ReadRowsAsync(run), row => plain(row[column]));
    if (typedResult.Rows == 0 || typedResult != plainResult)
    {
        throw new InvalidOperationException(
            $"Run {run.RunId}: {typeof(TRow).Name} gave {typedResult.Rows} rows summing {typedResult.Sum}; ReportRow gave {plainResult.Rows} rows summing {plainResult.Sum}.");
    }

    Console.WriteLine($"AOT rows: {label}: {typedResult.Rows} rows, sum({column}) {typedResult.Sum} ({typeof(TRow).Name} = ReportRow)");
    return typedResult;
}

static async Task<(long Rows, decimal Sum)> SumAsync<TRow>(IAsyncEnumerable<TRow> rows, Func<TRow, decimal> value)
{
    long count = 0;
    decimal sum = 0;
    await foreach (var row in rows)
    {
        count++;
        sum += value(row);
    }

    return (count, sum);
}

static decimal Number(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

static decimal UnixSeconds(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None).ToUnixTimeSeconds();

// The sandbox writes every parquet column REQUIRED; a real artifact may make them OPTIONAL, and then
// Parquet.Net builds Nullable<T> of each column's type with MakeGenericType (its IL3050, allowed by
// .ci/aot-smoke only because this read proves it works). The file below has OPTIONAL columns of every
// physical type the SDK reads (date, string, int64, decimal(18,2), timestamp millis UTC, int32, double,
// boolean): row 1 full, row 2 with date, subuser_id, product and bandwidth_bytes only, row 3 all null.
// Written with Parquet.Net 6.1.0's ParquetWriter (DataField<long?> and so on, isNullable: true).
async Task CheckOptionalColumnsAsync()
{
    var rows = new List<TrafficRow>();
    await foreach (var row in ReportRows.ReadAsync<TrafficRow>(new MemoryStream(Convert.FromBase64String(Fixtures.OptionalColumnsParquet)), ReportFormat.Parquet))
    {
        rows.Add(row);
    }

    var values = rows.Sum(row => row.Columns.Count(column => row.TryGetValue(column, out _)));
    var extra = rows[0].AdditionalColumns;
    var expected = rows.Count == 3 && values == 14
        && rows[0].Date == new DateOnly(2026, 5, 1) && rows[0].BandwidthBytes + rows[1].BandwidthBytes == 5_841_664_474 && rows[0].Requests == 50_982
        && extra["amount_usd"] == "1989.57" && extra["checked_at"] == "2026-05-28T09:19:22Z" && extra["health_score"] == "86" && extra["ratio"] == "0.5" && extra["flag"] == "true"
        && !rows[1].TryGetValue("requests", out _) && !rows[2].TryGetValue("date", out _);
    if (!expected)
    {
        throw new InvalidOperationException($"The optional-column parquet read as: {string.Join(" | ", rows)}.");
    }

    Console.WriteLine($"AOT rows: optional parquet columns: {rows.Count} rows, {values} values, nulls left unset");
}

// A file DuckDB wrote (tests/HeloData.Reports.Rows.Tests/Fixtures/traffic-v2-snappy-dates.parquet): PARQUET_VERSION v2
// (DELTA_BINARY_PACKED dates, read through int), snappy, every column OPTIONAL, and columns no row type knows:
// struct, map and list (left out), JSON and BLOB (bytes: Nullable<ReadOnlyMemory<byte>> built by Parquet.Net),
// INTERVAL, TIME and text (kept as text).
async Task CheckDuckDbParquetAsync()
{
    var rows = new List<TrafficRow>();
    await foreach (var row in ReportRows.ReadAsync<TrafficRow>(new MemoryStream(Convert.FromBase64String(Fixtures.DuckDbParquet)), ReportFormat.Parquet))
    {
        rows.Add(row);
    }

    var extra = rows[1].AdditionalColumns;
    var expected = rows.Count == 12 && rows[11].Date == new DateOnly(2026, 5, 6) && rows.Sum(row => row.BandwidthBytes) == 66_000_282
        && extra.Count == 5 && extra["extra_json"] == "{\"n\": 1}" && extra["extra_blob"] == "AP8x" && extra["extra_interval"] == "P1DT7200S" && extra["extra_time"] == "03:05:01.5";
    if (!expected)
    {
        throw new InvalidOperationException($"The DuckDB parquet read as: {string.Join(" | ", rows)}.");
    }

    Console.WriteLine($"AOT rows: DuckDB parquet v2: {rows.Count} rows, {extra.Count} unknown columns kept, nested ones left out");
}

internal static class Fixtures
{
    public const string DuckDbParquet =
    "UEFSMRUAFWwVNiwVGBUKFQYVBgAANjwCAAAAGAGAEAgMvMECAAEACQEAqgEXagEAFQAV0AEVbCwVGBUMFQYVBgAAaCwCAAAAGAGA"
    + "EAgMDgARARhzdV8wMDAwagcAADEJHFIHAAAyCRw4MnN1XzAwMDJzdV8wMDAyFQAV3AMVhgEsFRgVDBUGFQYAAO4BNAIAAAAYAYAQ"
    + "CAwWDQQACQEQsvCy8LIJC/4BANIBAHRyZXNpZGVudGlhbG1vYmlsZWRhdGFjZW50ZXJpc3DuHgAVABUsFTAsFRgVChUGFQYAABZU"
    + "AgAAABgBgBAIDA6GiXoAAAAAAAAAABUAFSgVLCwVGBUKFQYVBgAAFEwCAAAAGAGAEAgMAD4AAAAAAAAAABUAFSgVLCwVGBUKFQYV"
    + "BgAAFEwCAAAAGAKAEAgMAAIAAAAAAAAAABUEFRQVGEwVBBUAAAAKJAEAAABhAQAAAGIVABXaARVALBUwFRAVBhUGAABtICEAAABB"
    + "qqqqAG4BACACAAAAMAQCQUQFAW4qAHYBABUEFRQVGEwVBBUAAAAKJAEAAAB4AQAAAHkVABXaARVALBUwFRAVBhUGAABtICEAAABB"
    + "qqqqAG4BACACAAAAMAICQUQFAW4qAHYBABUAFbIDFXAsFTAVChUGFQYAANkBICEAAABBqqqqAG4BADACAAAAMAOAEAgYABEFDSk0"
    + "Sam0EDvNuPIIHFHIMAERFv4BAP4BABkBFQAVsgEVTiwVMBUKFQYVBgAAWSAhAAAAQaqqqgBuAQAwAgAAADADgBAIGAAAAQ0pCFVV"
    + "VQ0KVgEAFQAVrAIVqgEsFRgVDBUGFQYAAJYBNAIAAAAYAYAQCAwQAAEADQEBFWoBABx7Im4iOiAwfQkIADENCAAyDQgAMw0IADQN"
    + "CAA1DQgANg0IBDd9CTgAOA0IADkNCCwxMH17Im4iOiAxMX0VABW0ARV6LBUYFQwVBhUGAABaNAIAAAAYAYAQCAwGAAEADQEBFW4B"
    + "AJD/MAD/MQD/MgD/MwD/NAD/NQD/NgD/NwD/OAD/OQD/MTAA/zExFQAVrAIViAEsFRgVABUGFQYAAJYBGAIAAAAYAQARAQTdbQUK"
    + "BRENDAEiEQwAAwEeDRgABB0MAAUdDAAGHQwABx0MAAgdDAAJHQwACh0MHAsAAAAA3W0AFQAVtgwVmAEsFRgVChUGFQYAAJsGUAIA"
    + "AAAYAYAQCAzAwKHaUv/QyggYAAkBCICWmF4DAAQAAAEeCSf+AQD+AQD+AQD+AQD+AQD+AQD+AQD+AQD+AQD+AQD+AQBiAQAVABWK"
    + "AhWQASwVGBUMFQYVBgAAhQEcIQAAAEG2DQByAQAYgBAICAwAAQ0kACANCF4BABRub3RlIDEFBgAyBQYANAUGADUFBgA3BQY4OG5v"
    + "dGUgMTBub3RlIDExFUAcHAAAHBwAABwcAAAAAIAEAAAAAggDAAAAABAAAQAAAiBAAAABAACACAAgAIAVQBwcAAAcHAAAHBwAAAAw"
    + "AAAAAIAABAAEAAgAUAAAEAAAEAAAUAAAAAFAIAAAAhUEGfwXNQAYDWR1Y2tkYl9zY2hlbWEVGgAVAiUCGARkYXRlJQwAFQwlAhgK"
    + "c3VidXNlcl9pZCUAABUMJQIYB3Byb2R1Y3QlAAAVBCUCGA9iYW5kd2lkdGhfYnl0ZXMlJAAVBCUCGAhyZXF1ZXN0cyUkADUCGAxl"
    + "eHRyYV9zdHJ1Y3QVBAAVBCUCGAFrJSQANQIYBHRhZ3MVAhUGADUEGARsaXN0FQIAFQwlAhgHZWxlbWVudCUAADUCGAlleHRyYV9t"
    + "YXAVAhUCADUEGAlrZXlfdmFsdWUVBAAVDCUAGANrZXklAAAVBCUCGAV2YWx1ZSUkADUCGApleHRyYV9saXN0FQIVBgA1BBgEbGlz"
    + "dBUCABUEJQIYB2VsZW1lbnQlJAAVDCUCGApleHRyYV9qc29uJSZMzAAAABUMJQIYCmV4dHJhX2Jsb2IAFQ4VGBUCGA5leHRyYV9p"
    + "bnRlcnZhbCUqABUEJQIYCmV4dHJhX3RpbWUlEEx8EhwsAAAAAAAVDCUCGApleHRyYV90ZXh0JQAAFhgZHBn8DyYAHBUCGRUKGRgE"
    + "ZGF0ZRUCFhgWjgEWWCYIPBgEY1AAABgEXlAAABYAKARjUAAAGAReUAAAEREAAAAmABwVDBkVDBkYCnN1YnVzZXJfaWQVAhYYFvQB"
    + "FpABJmA8GAdzdV8wMDAyGAdzdV8wMDAwFgAoB3N1XzAwMDIYB3N1XzAwMDAREQAAACYAHBUMGRUMGRgHcHJvZHVjdBUCFhgWggQW"
    + "rAEm8AE8GAtyZXNpZGVudGlhbBgKZGF0YWNlbnRlchYAKAtyZXNpZGVudGlhbBgKZGF0YWNlbnRlchERAAAAJgAcFQQZFQoZGA9i"
    + "YW5kd2lkdGhfYnl0ZXMVAhYYFk4WUiacAzwYCOjYpwAAAAAAGAgHAAAAAAAAABYAKAjo2KcAAAAAABgIBwAAAAAAAAAREQAAACYA"
    + "HBUEGRUKGRgIcmVxdWVzdHMVAhYYFkoWTibuAzwYCFUBAAAAAAAAGAgAAAAAAAAAABYAKAhVAQAAAAAAABgIAAAAAAAAAAAREQAA"
    + "ACYAHBUEGRUKGSgMZXh0cmFfc3RydWN0AWsVAhYYFkoWTia8BDwYCAsAAAAAAAAAGAgAAAAAAAAAABYAKAgLAAAAAAAAABgIAAAA"
    + "AAAAAAAREQAAACYAHBUMGRUQGUgMZXh0cmFfc3RydWN0BHRhZ3MEbGlzdAdlbGVtZW50FQIWMBasAhaWASa8BSaKBRwYAWIYAWEW"
    + "ABYEGAFiGAFhEREAJswQFV4AACYAHBUMGRUQGTgJZXh0cmFfbWFwCWtleV92YWx1ZQNrZXkVAhYwFqwCFpYBJtIGJqAGHBgBeRgB"
    + "eBYAFgQYAXkYAXgREQAmqhEVXgAAJgAcFQQZFQoZOAlleHRyYV9tYXAJa2V5X3ZhbHVlBXZhbHVlFQIWMBbWAxaUASa2BzwYCBYA"
    + "AAAAAAAAGAgAAAAAAAAAABYAKAgWAAAAAAAAABgIAAAAAAAAAAAREQAAACYAHBUEGRUKGTgKZXh0cmFfbGlzdARsaXN0B2VsZW1l"
    + "bnQVAhYwFtYBFnImygg8GAgMAAAAAAAAABgIAAAAAAAAAAAWACgIDAAAAAAAAAAYCAAAAAAAAAAAEREAAAAmABwVDBkVDBkYCmV4"
    + "dHJhX2pzb24VAhYYFtICFtABJrwJPBgIeyJuIjogOX0YCHsibiI6IDB9FgAoCHsibiI6IDl9GAh7Im4iOiAwfRERAAAAJgAcFQwZ"
    + "FQwZGApleHRyYV9ibG9iFQIWGBbYARaeASaMCzwYAwD/ORgDAP8wFgAoAwD/ORgDAP8wEREAAAAmABwVDhkFGRgOZXh0cmFfaW50"
    + "ZXJ2YWwVAhYYFtICFq4BJqoMAAAmABwVBBkVChkYCmV4dHJhX3RpbWUVAhYYFtwMFr4BJtgNPBgIYIQtlgIAAAAYCCAwpJUCAAAA"
    + "FgAoCGCELZYCAAAAGAggMKSVAgAAABERAAAAJgAcFQwZFQwZGApleHRyYV90ZXh0FQIWGBawAha2ASaWDzwYBm5vdGUgOBgGbm90"
    + "ZSAxFggoBm5vdGUgOBgGbm90ZSAxEREAAAAW8igWGCYIFsQQACgoRHVja0RCIHZlcnNpb24gdjEuNS42IChidWlsZCAwNjljYzlm"
    + "OWI1KRn8DxwAABwAABwAABwAABwAABwAABwAABwAABwAABwAABwAABwAABwAABwAABwAAACIBgAAUEFSMQ==";

    public const string OptionalColumnsParquet =
    "UEFSMRUAFSAVJCwVBhUAFQYVBhwYBF9QAAAYBF5QAAAWAigEX1AAABgEXlAAAAAAABA8BAAAAAQBAgBeUAAAX1AAABUAFTwVQCwV"
    + "BhUAFQYVBhwYB3N1XzRhMDgYB3N1XzI3YzQWAigHc3VfNGEwOBgHc3VfMjdjNAAAAB50BAAAAAQBAgAHAAAAc3VfMjdjNAcAAABz"
    + "dV80YTA4FQAVQhVGLBUGFQAVBhUGHBgLcmVzaWRlbnRpYWwYBm1vYmlsZRYCKAtyZXNpZGVudGlhbBgGbW9iaWxlAAAAIYAEAAAA"
    + "BAECAAsAAAByZXNpZGVudGlhbAYAAABtb2JpbGUVABUwFTQsFQYVABUGFQYcGAhe61LzAAAAABgIfM7daAAAAAAWAigIXutS8wAA"
    + "AAAYCHzO3WgAAAAAAAAAGFwEAAAABAECAF7rUvMAAAAAfM7daAAAAAAVABUgFSQsFQYVABUGFQYcGAgmxwAAAAAAABgIJscAAAAA"
    + "AAAWBCgIJscAAAAAAAAYCCbHAAAAAAAAAAAAEDwEAAAAAgEEACbHAAAAAAAAFQAVIBUkLBUGFQAVBhUGHBgILQkDAAAAAAAYCC0J"
    + "AwAAAAAAFgQoCC0JAwAAAAAAGAgtCQMAAAAAAAAAABA8BAAAAAIBBAAtCQMAAAAAABUAFSAVJCwVBhUAFQYVBhwYCJCZ4W2eAQAA"
    + "GAiQmeFtngEAABYEKAiQmeFtngEAABgIkJnhbZ4BAAAAAAAQPAQAAAACAQQAkJnhbZ4BAAAVABUYFRwsFQYVABUGFQYcGARWAAAA"
    + "GARWAAAAFgQoBFYAAAAYBFYAAAAAAAAMLAQAAAACAQQAVgAAABUAFSAVJCwVBhUAFQYVBhwYCAAAAAAAAOA/GAgAAAAAAADgPxYE"
    + "KAgAAAAAAADgPxgIAAAAAAAA4D8AAAAQPAQAAAACAQQAAAAAAAAA4D8VABUSFRYsFQYVABUGFQYcNgQAAAAJIAQAAAACAQQAARUC"
    + "GbxIBHJvb3QVFAAVAiUCGARkYXRlJQxMbAAAABUMJQIYCnN1YnVzZXJfaWQlAEwcAAAAFQwlAhgHcHJvZHVjdCUATBwAAAAVBCUC"
    + "GA9iYW5kd2lkdGhfYnl0ZXMlJEysE0ARAAAAFQQlAhgIcmVxdWVzdHMlJEysE0ARAAAAFQQVEBUCGAphbW91bnRfdXNkJQoVBBUk"
    + "LFwVBBUkAAAAFQQlAhgKY2hlY2tlZF9hdGyMERwcAAAAAAAVAiUCGAxoZWFsdGhfc2NvcmUlIkysEyARAAAAFQolAhgFcmF0aW8A"
    + "FQAlAhgEZmxhZwAWBhkcGawmCBwVAhklAAYZGARkYXRlFQIWBhZ6Fn4mCDwYBF9QAAAYBF5QAAAWAigEX1AAABgEXlAAAAAAACaG"
    + "ARwVDBklAAYZGApzdWJ1c2VyX2lkFQIWBhauARayASaGATwYB3N1XzRhMDgYB3N1XzI3YzQWAigHc3VfNGEwOBgHc3VfMjdjNAAA"
    + "ACa4AhwVDBklAAYZGAdwcm9kdWN0FQIWBhbAARbEASa4AjwYC3Jlc2lkZW50aWFsGAZtb2JpbGUWAigLcmVzaWRlbnRpYWwYBm1v"
    + "YmlsZQAAACb8AxwVBBklAAYZGA9iYW5kd2lkdGhfYnl0ZXMVAhYGFqoBFq4BJvwDPBgIXutS8wAAAAAYCHzO3WgAAAAAFgIoCF7r"
    + "UvMAAAAAGAh8zt1oAAAAAAAAACaqBRwVBBklAAYZGAhyZXF1ZXN0cxUCFgYWmgEWngEmqgU8GAgmxwAAAAAAABgIJscAAAAAAAAW"
    + "BCgIJscAAAAAAAAYCCbHAAAAAAAAAAAAJsgGHBUEGSUABhkYCmFtb3VudF91c2QVAhYGFpoBFp4BJsgGPBgILQkDAAAAAAAYCC0J"
    + "AwAAAAAAFgQoCC0JAwAAAAAAGAgtCQMAAAAAAAAAACbmBxwVBBklAAYZGApjaGVja2VkX2F0FQIWBhaaARaeASbmBzwYCJCZ4W2e"
    + "AQAAGAiQmeFtngEAABYEKAiQmeFtngEAABgIkJnhbZ4BAAAAAAAmhAkcFQIZJQAGGRgMaGVhbHRoX3Njb3JlFQIWBhZyFnYmhAk8"
    + "GARWAAAAGARWAAAAFgQoBFYAAAAYBFYAAAAAAAAm+gkcFQoZJQAGGRgFcmF0aW8VAhYGFpoBFp4BJvoJPBgIAAAAAAAA4D8YCAAA"
    + "AAAAAOA/FgQoCAAAAAAAAOA/GAgAAAAAAADgPwAAACaYCxwVABklAAYZGARmbGFnFQIWBhY8FkAmmAs8NgQAAAAWqAsWBjbQCwAo"
    + "SlBhcnF1ZXQuTmV0IHZlcnNpb24gNi4xLjAgKGJ1aWxkIGMxNzlkOTdiZDI1NDliNWY0NGE5MjQxZTcyOWY4NjlkNDk0N2VlNTkp"
    + "AB0EAABQQVIx";
}
