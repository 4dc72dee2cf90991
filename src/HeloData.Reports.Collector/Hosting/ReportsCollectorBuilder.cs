using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Collector;

/// <summary>The builder <c>AddHeloReportsCollector</c> returns: handlers are registered as <see cref="HandlerRegistration"/> instances, in order.</summary>
internal sealed class ReportsCollectorBuilder(IServiceCollection services) : IReportsCollectorBuilder
{
    public IServiceCollection Services { get; } = services;

    public IReportsCollectorBuilder AddHandler(string name, Func<IServiceProvider, IRunHandler> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (Services.Any(d => d.ServiceType == typeof(HandlerRegistration) && d.ImplementationInstance is HandlerRegistration { Name: var used } && used == name))
        {
            throw new ArgumentException($"A collector handler named '{name}' is added already; each handler's name is unique, since the state store records which handlers finished with a run by name.", nameof(name));
        }

        Services.AddSingleton(new HandlerRegistration(name, factory));
        return this;
    }
}
