using System.Diagnostics.CodeAnalysis;
using HeloData.Reports.Collector;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds handlers and sinks to the collector (<c>AddHeloReportsCollector</c>), and chooses its state store. Handlers
/// take each run in the order they were added; each is identified in the state store by its name.
/// </summary>
public static partial class ReportsCollectorBuilderExtensions
{
    /// <summary>
    /// Adds your handler, named by its type's full name (keep it when you rename the class by adding it with
    /// <see cref="IReportsCollectorBuilder.AddHandler"/> under the old name). It is made once, from the application's
    /// services (a registered <typeparamref name="THandler"/> is used; otherwise its constructor gets the services it asks for).
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="builder">The collector's builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">A handler of that name is added already.</exception>
    public static IReportsCollectorBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IReportsCollectorBuilder builder)
        where THandler : class, IRunHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHandler(typeof(THandler).FullName ?? typeof(THandler).Name, provider => ActivatorUtilities.GetServiceOrCreateInstance<THandler>(provider));
    }

    /// <summary>Adds a handler written as a delegate.</summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="name">The handler's name in the state store: stable across restarts, the same on every instance.</param>
    /// <param name="handle">Takes one run; returns once its effect is durable, throws to have it offered again (see <see cref="IRunHandler"/>).</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or used already.</exception>
    public static IReportsCollectorBuilder AddHandler(this IReportsCollectorBuilder builder, string name, Func<CollectedRun, CancellationToken, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handle);
        return builder.AddHandler(name, _ => new DelegateRunHandler(handle));
    }

    /// <summary>
    /// Adds the directory sink: each run's content (decompressed) lands in
    /// <c>{path}/{report id}/{from}_{to}_{run id}{extension}</c> (<c>2026-06-01_2026-06-07_run_01HX.csv</c>), written
    /// whole or not at all, as <c>DownloadToFileAsync</c> writes (see the package README). Named
    /// <c>directory:{full path}</c>. The folder is created if missing.
    /// </summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="path">The folder; a relative one is taken from the current directory now.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank or not a valid path, or this folder is added already.</exception>
    public static IReportsCollectorBuilder WriteToDirectory(this IReportsCollectorBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        catch (Exception exception) when (exception is NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"The collector's directory {path} is not a valid path: {exception.Message}", nameof(path), exception);
        }

        return builder.AddHandler("directory:" + full, _ => new DirectoryRunSink(full));
    }
}
