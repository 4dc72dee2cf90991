namespace HeloData.Reports.Collector;

/// <summary>A handler added to the collector's builder: its name in the state store, and how it is made. Registered as a singleton instance, in the order added.</summary>
/// <param name="Name">The handler's name, unique among the collector's handlers.</param>
/// <param name="Factory">Makes the handler, once, from the application's services.</param>
internal sealed record HandlerRegistration(string Name, Func<IServiceProvider, IRunHandler> Factory);

/// <summary>The collector's handlers, made once, in the order they were added.</summary>
internal sealed class RunHandlers(IEnumerable<HandlerRegistration> registrations, IServiceProvider services)
{
    /// <summary>Each handler with its name, in order.</summary>
    public IReadOnlyList<(string Name, IRunHandler Handler)> All { get; } =
        registrations.Select(r => (r.Name, r.Factory(services) ?? throw new InvalidOperationException($"The factory of the collector's handler '{r.Name}' returned null."))).ToArray();
}
