using System.Text;
using System.Text.RegularExpressions;
using static HeloData.Reports.Tests.Hostile.HostileOperations;
using static HeloData.Reports.Tests.Hostile.OutcomeChecks;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>
/// The contract's own example bodies, damaged thousands of ways by a seeded <see cref="JsonMutator"/>
/// and served by <see cref="HostileServer"/> over a kept-alive loopback connection to the real client:
/// each must still end in a model that keeps its nullability promises, or in a
/// <see cref="ReportsException"/> with a printable message (the status's own, for an error body).
/// One test per body and mutation kind; its failure lists each distinct problem with a count and an example.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class MutationTests
{
    private const int BodiesPerCase = 70;
    private static readonly int[] ErrorStatuses = [400, 404, 422, 500];
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(15);

    public enum Body
    {
        Report,
        List,
        RunAccepted,
        Run,
        Error,
    }

    private static IEnumerable<TestCaseData> Cases() =>
        from body in Enum.GetValues<Body>()
        from mutation in Enum.GetValues<Mutation>()
        select new TestCaseData(body, mutation).SetArgDisplayNames(body.ToString(), mutation.ToString());

    [TestCaseSource(nameof(Cases))]
    public async Task Mutated_contract_bodies_end_in_a_model_or_a_ReportsException(Body body, Mutation mutation)
    {
        var mutator = new JsonMutator(seed: (100 * (int)body) + (int)mutation);
        var source = Source(body);
        var answer = RawAnswer.Http(200, "");
        using var server = new HostileServer(_ => Volatile.Read(ref answer));
        using var client = NewClient(server);
        var failures = new Dictionary<string, (int Count, byte[] Example)>(StringComparer.Ordinal);
        var calls = 0;
        for (var i = 0; i < BodiesPerCase; i++)
        {
            var bytes = mutator.Mutate(source, mutation);
            var status = body switch { Body.Error => ErrorStatuses[i % ErrorStatuses.Length], Body.RunAccepted => 202, _ => 200 };
            Volatile.Write(ref answer, RawAnswer.Http(status, bytes));
            foreach (var operation in OperationsFor(body))
            {
                calls++;
                foreach (var problem in await ProblemsAsync(client, operation, status))
                {
                    var seen = failures.GetValueOrDefault($"{operation}: {problem}", (Count: 0, Example: bytes));
                    failures[$"{operation}: {problem}"] = (seen.Count + 1, seen.Example);
                }
            }
        }

        var failed = failures.Values.Sum(f => f.Count);
        await TestContext.Out.WriteLineAsync($"{calls} calls, {failed} problems");
        Assert.That(failures.Keys, Is.Empty, () => $"{failed} problems in {calls} calls:{Environment.NewLine}" + string.Join(
            Environment.NewLine,
            failures.OrderByDescending(f => f.Value.Count).Select(f => $"  {f.Value.Count} × {f.Key}; e.g. {Excerpt(f.Value.Example)}")));
    }

    private static string Source(Body body) => body switch
    {
        Body.Report => ContractBodies.Report,
        Body.List => ContractBodies.List,
        Body.RunAccepted => ContractBodies.Accepted,
        Body.Run => ContractBodies.Run,
        _ => ContractBodies.Error,
    };

    private static Operation[] OperationsFor(Body body) => body switch
    {
        Body.Report => [Operation.GetReport, Operation.UpdateReport],
        Body.List => [Operation.ListReports],
        Body.RunAccepted => [Operation.Run],
        _ => [Operation.GetRun],
    };

    private static async Task<List<string>> ProblemsAsync(IReportsClient client, Operation operation, int status)
    {
        var call = InvokeAsync(client, operation, folder: "");
        if (!await EndsWithinAsync(call, HangGuard))
        {
            return ["hang"];
        }

        try
        {
            var model = await call;
            return status >= 400 ? [$"returned a model for a {status}"] : BrokenPromises(model);
        }
        catch (ReportsException exception)
        {
            var problems = new List<string>();
            if (Unprintable(exception).Count > 0)
            {
                problems.Add($"control characters in {exception.GetType().Name}.Message");
            }

            if (status >= 400 && exception.Status != status)
            {
                problems.Add($"ReportsException.Status {exception.Status} for a {status}");
            }

            return problems;
        }
        catch (Exception exception)
        {
            var where = SdkFrame().Match(exception.StackTrace ?? "");
            return [$"{exception.GetType().Name}{(where.Success ? $" at {where.Groups[1].Value}" : "")}"];
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var escaped = string.Concat(text.Take(160).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length > 160 ? $"{escaped}… ({body.Length} bytes)" : escaped;
    }

    [GeneratedRegex(@"at (HeloData\.Reports\.(?!Tests\.)[\w.<>`]+)")]
    private static partial Regex SdkFrame();
}
