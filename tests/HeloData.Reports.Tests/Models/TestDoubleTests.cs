using System.Reflection;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Models;

/// <summary>
/// Whatever a mocked <see cref="IReportsClient"/> must return can be built by application code: through
/// a public constructor or through <see cref="ReportsModelFactory"/>. Found by reflection, so a return
/// type added later without a way to build it fails here.
/// </summary>
public sealed class TestDoubleTests
{
    private static readonly Assembly Sdk = typeof(IReportsClient).Assembly;

    /// <summary>The SDK types the client's methods return, and the types those expose, to any depth.</summary>
    private static IEnumerable<Type> ReturnedTypes()
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(typeof(IReportsClient).GetMethods()
            // Rows are read by their own package (issue 19), whose row types have their own factory.
            .Where(method => method.Name != "ReadRowsAsync")
            .SelectMany(method => Unwrap(method.ReturnType)));
        while (pending.TryDequeue(out var type))
        {
            if (type.Assembly != Sdk || type.IsEnum || !seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                foreach (var exposed in Unwrap(property.PropertyType))
                {
                    pending.Enqueue(exposed);
                }
            }
        }

        return seen.OrderBy(type => type.Name);
    }

    [Test]
    public void The_walk_finds_the_results_a_mock_returns()
    {
        Assert.That(
            ReturnedTypes(),
            Is.SupersetOf(new[] { typeof(Report), typeof(ReportList), typeof(ReportRun), typeof(RunAccepted), typeof(RunError), typeof(DownloadResult), typeof(ReportDestination) }));
    }

    [TestCaseSource(nameof(ReturnedTypes))]
    public void Every_type_a_mock_returns_can_be_built(Type type)
    {
        if (type.IsAbstract)
        {
            // Built through a concrete kind: a destination is an EmailDestination, an S3Destination, ...
            var concrete = Sdk.GetExportedTypes().Where(kind => kind.IsSubclassOf(type) && !kind.IsAbstract && kind.GetConstructors().Length > 0);
            Assert.That(concrete, Is.Not.Empty, $"{type.Name} has no concrete kind with a public constructor");
            return;
        }

        if (type.IsValueType || type.GetConstructors().Length > 0)
        {
            return;
        }

        var factories = typeof(ReportsModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(method => method.ReturnType == type).ToArray();
        Assert.That(factories, Is.Not.Empty, $"ReportsModelFactory has no method that builds {type.Name}");

        // Every parameter has a default, so a test names only the values it cares about.
        var factory = factories[0];
        var built = factory.Invoke(null, factory.GetParameters().Select(parameter => parameter.HasDefaultValue ? parameter.DefaultValue : Default(parameter)).ToArray());
        Assert.That(built, Is.InstanceOf(type));
    }

    [Test]
    public async Task A_mocked_download_returns_a_result_built_by_the_factory()
    {
        IReportsClient client = DownloadingClient.Create();
        var run = ReportsModelFactory.ReportRun(runId: "run_7", status: RunStatus.Completed);

        var result = await client.DownloadToFileAsync(run, "traffic.csv");

        Assert.That((result.RunId, result.Bytes, result.ContentType), Is.EqualTo(("run_7", 1_024L, "text/csv")));
    }

    private static object? Default(ParameterInfo parameter) =>
        parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;

    // Task<T>, IAsyncEnumerable<T>, IReadOnlyList<T>, T?: the T inside.
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return [underlying];
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition ? type.GetGenericArguments().SelectMany(Unwrap) : [type];
    }

    public class DownloadingClient : DispatchProxy
    {
        public static IReportsClient Create() => Create<IReportsClient, DownloadingClient>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IReportsClient.DownloadToFileAsync) => Task.FromResult(ReportsModelFactory.DownloadResult(((ReportRun)args![0]!).RunId, 1_024, "text/csv")),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
