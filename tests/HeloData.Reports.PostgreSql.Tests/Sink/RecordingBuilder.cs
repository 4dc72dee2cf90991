using HeloData.Reports.Collector;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.PostgreSql.Tests.Sink;

/// <summary>A collector builder that keeps the handlers added, as the collector's does.</summary>
internal sealed class RecordingBuilder(IServiceCollection services) : IReportsCollectorBuilder
{
    public IServiceCollection Services => services;

    public List<(string Name, Func<IServiceProvider, IRunHandler> Factory)> Handlers { get; } = [];

    public IReportsCollectorBuilder AddHandler(string name, Func<IServiceProvider, IRunHandler> factory)
    {
        Handlers.Add((name, factory));
        return this;
    }
}
