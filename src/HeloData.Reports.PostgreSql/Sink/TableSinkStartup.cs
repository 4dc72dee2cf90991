using Microsoft.Extensions.Hosting;

namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>Creates the sink's missing tables when the host starts, so a database the sink cannot use fails the start, not the first run.</summary>
internal sealed class TableSinkStartup(PostgreSqlTableSink sink) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => sink.EnsureTablesAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
