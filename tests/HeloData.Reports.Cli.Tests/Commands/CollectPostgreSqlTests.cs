using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;
using Npgsql;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary><c>collect</c> with its state and table sink in PostgreSQL, the connection string read from the environment and from a file.</summary>
[Category("PostgreSql")]
public sealed class CollectPostgreSqlTests
{
    // Trust authentication never asks for it, so it stands for a real password that must never be printed.
    private const string Password = "pg-secret-never-printed";

    [Test]
    public async Task Once_loads_every_run_into_a_table_per_type_recorded_in_the_shared_state_and_never_prints_the_password()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        using var client = sandbox.CreateClient();
        var runs = new List<ReportRun>();
        foreach (var type in new[] { ReportType.Traffic, ReportType.Invoices })
        {
            var report = await client.CreateReportAsync(new NewReport($"pg-{type}", type, ReportFormat.Csv));
            runs.Add(await client.RunReportAndWaitAsync(report.Id, new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 7) }));
        }

        var withPassword = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Password }.ConnectionString;
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, withPassword + "\n");
        try
        {
            var environment = CliHarness.Environment(sandbox);
            environment["COLLECTOR_DATABASE"] = withPassword;
            string[] args = ["collect", "--once", "--postgres", $"file:{file}", "--state", "postgres:env:COLLECTOR_DATABASE", "--instance", "pg-test", "--json"];

            var first = await CliHarness.RunAsync(environment, args);
            var second = await CliHarness.RunAsync(environment, args);

            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Json["collected"]!.GetValue<int>(), Is.EqualTo(runs.Count), first.ToString());
            Assert.That(second.Json["collected"]!.GetValue<int>(), Is.Zero, second.ToString());
            Assert.That(second.Json["already_collected"]!.GetValue<int>(), Is.EqualTo(runs.Count));
            var where = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            Assert.That(first.Json["state"]!.GetValue<string>(), Is.EqualTo($"postgres:{where.Host}:{where.Port}/{database.Name}"));
            foreach (var result in new[] { first, second })
            {
                Assert.That(result.Out + result.Error, Does.Not.Contain(Password));
            }

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            foreach (var run in runs)
            {
                await using var count = new NpgsqlCommand("SELECT count(*) FROM helodata_collector.runs WHERE run_id = $1 AND status = 'collected'", connection) { Parameters = { new() { Value = run.RunId } } };
                Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(1L), $"{run.RunId} recorded as collected");
            }

            await using var loaded = new NpgsqlCommand("SELECT count(DISTINCT run_id) FROM helodata_traffic", connection);
            Assert.That(await loaded.ExecuteScalarAsync(), Is.EqualTo(1L), "the traffic run's rows, in the traffic table");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
