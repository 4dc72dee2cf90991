using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector;

/// <summary>
/// Where runs' content waits while the handlers read it: the core's <see cref="SpoolFolder"/> under
/// <c>{TemporaryDirectory}/helodata-collector-{uid}/</c>, with the collector's log lines.
/// </summary>
internal sealed class CollectorSpool(IOptions<ReportsCollectorOptions> options, ILogger<ReportsCollector> logger) : SpoolFolder(
    RootFor(options.Value.TemporaryDirectory, "helodata-collector"),
    $"{nameof(ReportsCollectorOptions)}.{nameof(ReportsCollectorOptions.TemporaryDirectory)}",
    exception => CollectorLog.SpoolFileLeft(logger, exception),
    (count, folder) => CollectorLog.SpoolSwept(logger, count, folder));
