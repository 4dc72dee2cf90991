using HeloData.Reports.Cli.Tests.Support;

namespace HeloData.Reports.Cli.Tests.Context;

/// <summary>
/// The tool reads HELODATA_API_KEY / HELODATA_BASE_URL from its own environment source only: the process's
/// variables behind it (a test's, or a shell's leftovers when embedded) never reach the client it builds.
/// </summary>
[NonParallelizable]
public sealed class CredentialsTests
{
    [Test]
    public async Task The_process_environment_behind_the_tools_own_is_not_read()
    {
        var saved = Environment.GetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable);
        Environment.SetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable, "http://user:hunter2@[bad");
        try
        {
            // The client is built, then the update is refused before anything is sent: no network needed.
            var result = await CliHarness.RunAsync(new Dictionary<string, string> { ["HELODATA_API_KEY"] = "hd_test_cli_1" }, ["reports", "update", "rep_1"]);

            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("--name").And.Not.Contain("HELODATA_BASE_URL"), "refused for the command, not for a variable the tool was not given");
        }
        finally
        {
            Environment.SetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable, saved);
        }
    }
}
