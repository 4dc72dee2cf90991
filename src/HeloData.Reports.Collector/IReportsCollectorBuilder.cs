using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Collector;

/// <summary>
/// Returned by <c>AddHeloReportsCollector</c>: chooses the state store (<c>UseSqliteState</c>, or
/// <c>UsePostgreSqlState</c> from <c>HeloData.Reports.PostgreSql</c>) and adds the run's handlers and sinks
/// (<c>AddHandler&lt;T&gt;</c>, <c>WriteToDirectory</c>, <c>LoadIntoPostgreSql</c>), which take each run in the
/// order they were added.
/// </summary>
public interface IReportsCollectorBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Adds a handler under a name that identifies it in the state store (which handlers finished with a run):
    /// stable across restarts and the same on every instance. The extension methods build on this one.
    /// </summary>
    /// <param name="name">The handler's name; unique among this collector's handlers.</param>
    /// <param name="factory">Makes the handler, once, from the application's services.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already used.</exception>
    IReportsCollectorBuilder AddHandler(string name, Func<IServiceProvider, IRunHandler> factory);
}
