using HeloData.Reports.Cli.Tests.Support;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary>The root: help with the exit codes, the version, and the <c>sandbox</c> command.</summary>
public sealed class RootCommandTests
{
    [Test]
    public async Task Help_documents_every_exit_code_and_the_credentials()
    {
        var result = await CliHarness.RunAsync(new Dictionary<string, string>(), ["--help"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        foreach (var code in new[] { "0", "1", "2", "3", "4", "5", "130" })
        {
            Assert.That(result.Out, Does.Match($@"(?m)^\s+{code}\s+\S"), $"exit code {code}");
        }

        Assert.That(result.Out, Does.Contain("HELODATA_API_KEY").And.Contain("HELODATA_BASE_URL").And.Contain("--api-key-file"));
        Assert.That(result.Out, Does.Contain("reports").And.Contain("runs").And.Contain("schedule").And.Contain("sandbox"));
    }

    [TestCase("reports", "create")]
    [TestCase("reports", "run")]
    [TestCase("runs", "download")]
    public async Task Each_command_has_help(string group, string command)
    {
        var result = await CliHarness.RunAsync(new Dictionary<string, string>(), [group, command, "--help"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain($"{group} {command}").And.Contain("Options:"));
    }

    [Test]
    public async Task Version_prints_the_tools_version()
    {
        var result = await CliHarness.RunAsync(new Dictionary<string, string>(), ["--version"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public async Task A_group_without_a_command_is_a_usage_error()
    {
        var result = await CliHarness.RunAsync(new Dictionary<string, string>(), ["reports"]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("helodata-reports reports --help"));
    }

    [Test]
    public async Task Sandbox_prints_the_two_variables_that_work_with_every_other_command_and_stops_on_Ctrl_C_with_0()
    {
        var sandbox = await SandboxCommandRun.StartAsync([]);
        var environment = sandbox.Environment;

        var created = await CliHarness.RunAsync(environment, ["reports", "create", "--name", "from-sandbox", "--type", "traffic", "--format", "csv", "--json"]);
        var listed = await CliHarness.RunAsync(environment, ["reports", "list"]);

        Assert.That(environment.Keys, Is.EquivalentTo(new[] { "HELODATA_BASE_URL", "HELODATA_API_KEY" }));
        Assert.That(new Uri(environment["HELODATA_BASE_URL"]).IsLoopback, Is.True);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        Assert.That(listed.Out, Does.Contain("from-sandbox"));
        Assert.That(await sandbox.StopAsync(), Is.Zero);
    }

    [Test]
    public async Task Sandbox_on_a_given_port_prints_that_port()
    {
        var port = ClosedPort.Find();
        var sandbox = await SandboxCommandRun.StartAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.That(sandbox.Output.ToString(), Does.Contain($"HELODATA_BASE_URL=http://127.0.0.1:{port}/v1/"));
        Assert.That(await sandbox.StopAsync(), Is.Zero);
    }

    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("http")]
    public async Task Sandbox_refuses_a_port_that_is_not_one_with_2(string port)
    {
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["sandbox", "--port", port], TextWriter.Null, error, _ => null, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("--port"));
    }

    [Test]
    public async Task Sandbox_on_a_taken_port_says_so_with_2()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], TextWriter.Null, error, _ => null, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain($"--port {port}"));
    }
}
