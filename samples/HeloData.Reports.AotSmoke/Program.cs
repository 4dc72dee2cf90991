// A Native AOT smoke test of HeloData.Reports: create → run → wait → download → delete, then the
// run's rows read typed and plain, against the service named by HELODATA_BASE_URL and
// HELODATA_API_KEY (in CI, a sandbox in another process). Every row reader (parquet from a download
// and from a file, NDJSON, csv) runs once here, because trimming and AOT problems show only at run
// time on the code path that hits them. Exit 0 only when every step succeeded.
using System.Globalization;
using HeloData.Reports;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

var baseUrl = Environment.GetEnvironmentVariable("HELODATA_BASE_URL");
var apiKey = Environment.GetEnvironmentVariable("HELODATA_API_KEY");
if (string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(apiKey))
{
    Console.Error.WriteLine("Set HELODATA_BASE_URL and HELODATA_API_KEY.");
    return 2;
}

var services = new ServiceCollection();
services.AddHeloReports(o =>
{
    o.ApiKey = apiKey;
    o.BaseAddress = new Uri(baseUrl);
});
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

// A file DuckDB wrote (tests/HeloData.Reports.Tests/Rows/Fixtures/traffic-v2-zstd.parquet): PARQUET_VERSION v2
// (DELTA_BINARY_PACKED dates, read through int), zstd, every column OPTIONAL, and columns no row type knows:
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
    var expected = rows.Count == 12 && rows[11].Date == new DateOnly(2026, 5, 1) && rows.Sum(row => row.BandwidthBytes) == 66_000_282
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
    "UEFSMRUEFQgVGkwVAhUAAAAotS/9IAQhAABeUAAAFQAVEhUkLBUYFRAVBhUGAAAotS/9IAlJAAACAAAAGAEBGAAVABXQARVULBUY"
    + "FQwVBhUGAAAotS/9IGgNAQCoAgAAABgBgBAIDA4Ac3VfMDAwMDEyBADgExBelWBekAQVABXcAxWQASwVGBUMFQYVBgAAKLUv/SDu"
    + "/QEAJAMCAAAAGAGAEAgMFg0EALLwsvCyAHJlc2lkZW50aWFsbW9iaWxlZGF0YWNlbnRlcmlzcAMAJijJXZAKDCgBFQAVLBU+LBUY"
    + "FQoVBhUGAAAotS/9IBaxAAACAAAAGAGAEAgMDoaJegAAAAAAAAAAFQAVKBU6LBUYFQoVBhUGAAAotS/9IBShAAACAAAAGAGAEAgM"
    + "AD4AAAAAAAAAABUAFSgVOiwVGBUKFQYVBgAAKLUv/SAUoQAAAgAAABgCgBAIDAACAAAAAAAAAAAVBBUUFSZMFQQVAAAAKLUv/SAK"
    + "UQAAAQAAAGEBAAAAYhUAFdoBFUosFTAVEBUGFQYAACi1L/0gbeUAAJghAAAAQaqqqgACAAAAMAQCQUQAAxAAPkI4zBEVBBUUFSZM"
    + "FQQVAAAAKLUv/SAKUQAAAQAAAHgBAAAAeRUAFdoBFUosFTAVEBUGFQYAACi1L/0gbeUAAJghAAAAQaqqqgACAAAAMAICQUQAAxAA"
    + "PkI4zBEVABWyAxV4LBUwFQoVBhUGAAAotS/9INmdAQBUAiEAAABBqqqqAAIAAAAwA4AQCBgAEQUASam0EDvNuPIIHFHIMAEEAAdA"
    + "gZxEAYNiwBEVABWyARVaLBUwFQoVBhUGAAAotS/9IFklAQDYIQAAAEGqqqoAAgAAADADgBAIGAAAAQBVVVUAAxAAjBgUcwQVABWs"
    + "AhWWASwVGBUMFQYVBgAAKLUv/SCWFQIARAICAAAAGAGAEAgMEAABAAIAeyJuIjogMH0xMjM0NTY3ODkxMX0NAFQoAvKBzEAWkA9k"
    + "BrKAfCAzkMXKwMHFXKAEFQAVtAEVjgEsFRgVDBUGFQYAACi1L/0gWvUBAFQDAgAAABgBgBAIDAYAAQACAP8wAP8xAP8yAP8zAP80"
    + "AP81AP82AP83AP84AP85AP8xMAD/MTECAEBgLlACFQAVrAIVgAEsFRgVABUGFQYAACi1L/0glr0BANgCAAAAGAEA3W0AAgMEBQYH"
    + "CAkKCwAAAADdbQANAMAIMAcMA0aAOWAYMALMAcMvaTQ7gDVeYAQVABW2DBViLBUYFQoVBhUGAAAotS/9YBsCPQEAyAIAAAAYAYAQ"
    + "CAzAwKHaUv/QyggYAICWmAAEANtwVYIagA6MGGACFQAVigIViAEsFRgVDBUGFQYAACi1L/0ghd0BAGQCIQAAAEG2DQCAEAgIDAAB"
    + "ACAAbm90ZSAxMjQ1NzgxMG5vdGUgMTEJAEAE3IHGgAi4m9IWIDDA+A24FUAcHAAAHBwAABwcAAAAAQAAAAAAAAgAACAAABAAAEAA"
    + "AAAAAgAABAAAAAAAQAAVQBwcAAAcHAAAHBwAAAAAgAQAAAACCAMAAAAAEAABAAACIEAAAAEAAIAIACAAgBVAHBwAABwcAAAcHAAA"
    + "ADAAAAAAgAAEAAQACABQAAAQAAAQAABQAAAAAUAgAAACFQQZ/Bc1ABgNZHVja2RiX3NjaGVtYRUaABUCJQIYBGRhdGUlDAAVDCUC"
    + "GApzdWJ1c2VyX2lkJQAAFQwlAhgHcHJvZHVjdCUAABUEJQIYD2JhbmR3aWR0aF9ieXRlcyUkABUEJQIYCHJlcXVlc3RzJSQANQIY"
    + "DGV4dHJhX3N0cnVjdBUEABUEJQIYAWslJAA1AhgEdGFncxUCFQYANQQYBGxpc3QVAgAVDCUCGAdlbGVtZW50JQAANQIYCWV4dHJh"
    + "X21hcBUCFQIANQQYCWtleV92YWx1ZRUEABUMJQAYA2tleSUAABUEJQIYBXZhbHVlJSQANQIYCmV4dHJhX2xpc3QVAhUGADUEGARs"
    + "aXN0FQIAFQQlAhgHZWxlbWVudCUkABUMJQIYCmV4dHJhX2pzb24lJkzMAAAAFQwlAhgKZXh0cmFfYmxvYgAVDhUYFQIYDmV4dHJh"
    + "X2ludGVydmFsJSoAFQQlAhgKZXh0cmFfdGltZSUQTHwSHCwAAAAAABUMJQIYCmV4dHJhX3RleHQlAAAWGBkcGfwPJgAcFQIZFRAZ"
    + "GARkYXRlFQwWGBZWFnomPCYIHBgEXlAAABgEXlAAABYAFgIYBF5QAAAYBF5QAAAREQAmiBEVXgAAJgAcFQwZFQwZGApzdWJ1c2Vy"
    + "X2lkFQwWGBb0ARZ4JoIBPBgHc3VfMDAwMhgHc3VfMDAwMBYAKAdzdV8wMDAyGAdzdV8wMDAwEREAAAAmABwVDBkVDBkYB3Byb2R1"
    + "Y3QVDBYYFoIEFrYBJvoBPBgLcmVzaWRlbnRpYWwYCmRhdGFjZW50ZXIWACgLcmVzaWRlbnRpYWwYCmRhdGFjZW50ZXIREQAAACYA"
    + "HBUEGRUKGRgPYmFuZHdpZHRoX2J5dGVzFQwWGBZOFmAmsAM8GAjo2KcAAAAAABgIBwAAAAAAAAAWACgI6NinAAAAAAAYCAcAAAAA"
    + "AAAAEREAAAAmABwVBBkVChkYCHJlcXVlc3RzFQwWGBZKFlwmkAQ8GAhVAQAAAAAAABgIAAAAAAAAAAAWACgIVQEAAAAAAAAYCAAA"
    + "AAAAAAAAEREAAAAmABwVBBkVChkoDGV4dHJhX3N0cnVjdAFrFQwWGBZKFlwm7AQ8GAgLAAAAAAAAABgIAAAAAAAAAAAWACgICwAA"
    + "AAAAAAAYCAAAAAAAAAAAEREAAAAmABwVDBkVEBlIDGV4dHJhX3N0cnVjdAR0YWdzBGxpc3QHZWxlbWVudBUMFjAWrAIWrgEmiAYm"
    + "yAUcGAFiGAFhFgAWBBgBYhgBYRERACbmERVeAAAmABwVDBkVEBk4CWV4dHJhX21hcAlrZXlfdmFsdWUDa2V5FQwWMBasAhauASa2"
    + "Byb2BhwYAXkYAXgWABYEGAF5GAF4EREAJsQSFV4AACYAHBUEGRUKGTgJZXh0cmFfbWFwCWtleV92YWx1ZQV2YWx1ZRUMFjAW1gMW"
    + "nAEmpAg8GAgWAAAAAAAAABgIAAAAAAAAAAAWACgIFgAAAAAAAAAYCAAAAAAAAAAAEREAAAAmABwVBBkVChk4CmV4dHJhX2xpc3QE"
    + "bGlzdAdlbGVtZW50FQwWMBbWARZ+JsAJPBgIDAAAAAAAAAAYCAAAAAAAAAAAFgAoCAwAAAAAAAAAGAgAAAAAAAAAABERAAAAJgAc"
    + "FQwZFQwZGApleHRyYV9qc29uFQwWGBbSAha8ASa+CjwYCHsibiI6IDl9GAh7Im4iOiAwfRYAKAh7Im4iOiA5fRgIeyJuIjogMH0R"
    + "EQAAACYAHBUMGRUMGRgKZXh0cmFfYmxvYhUMFhgW2gEWtAEm+gs8GAMA/zkYAwD/MBYAKAMA/zkYAwD/MBERAAAAJgAcFQ4ZBRkY"
    + "DmV4dHJhX2ludGVydmFsFQwWGBbSAhamASauDQAAJgAcFQQZFQoZGApleHRyYV90aW1lFQwWGBbaDBaGASbUDjwYCGCELZYCAAAA"
    + "GAggMKSVAgAAABYAKAhghC2WAgAAABgIIDCklQIAAAAREQAAACYAHBUMGRUMGRgKZXh0cmFfdGV4dBUMFhgWsAIWrgEm2g88GAZu"
    + "b3RlIDgYBm5vdGUgMRYIKAZub3RlIDgYBm5vdGUgMRERAAAAFrooFhgmCBaAEQAoKER1Y2tEQiB2ZXJzaW9uIHYxLjUuNiAoYnVp"
    + "bGQgMDY5Y2M5ZjliNSkZ/A8cAAAcAAAcAAAcAAAcAAAcAAAcAAAcAAAcAAAcAAAcAAAcAAAcAAAcAAAcAAAAkAYAAFBBUjE=";

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
