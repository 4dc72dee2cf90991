using System.CommandLine;
using System.Globalization;
using HeloData.Reports.Cli.Sandbox;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Cli.Commands;

/// <summary>
/// <c>sandbox</c>: the SDK's fake API on loopback, so every other command can be tried without an
/// account. <c>--port</c> fixes the API's port (so <c>HELODATA_BASE_URL</c> can be set once, in a
/// script); without it a free port is taken and printed. <c>--time-scale</c> (from <c>--time-origin</c>), <c>--runs-log</c> and the
/// run faults make it a service whose schedules fire fast, for soak and crash tests of a collector.
/// </summary>
internal static class SandboxCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command(
            "sandbox",
            $"Start a local fake of the API on a loopback port and print the two variables to set ({Credentials.BaseUrlVariable}, {Credentials.ApiKeyVariable}). Reports with a schedule get runs at its occurrences. Runs until Ctrl-C (then exits 0).");
        var options = new SandboxOptions();
        options.AddTo(command);
        CommandAction.Set(command, context, async (parse, cancellationToken) =>
        {
            var clock = options.Clock(parse, context.Time);
            using var runsLog = options.RunsLog(parse) is { } path ? RunsLog.Open(path, clock) : null;
            ReportsSandbox sandbox;
            try
            {
                sandbox = ReportsSandbox.Start(options.Sandbox(parse, clock));
            }
            catch (IOException exception)
            {
                throw new UsageException($"--port {options.Port(parse)}: the port cannot be used ({exception.Message}).");
            }

            using var owned = sandbox;
            options.ApplyFaults(parse, sandbox.Faults);
            if (runsLog is not null)
            {
                sandbox.RunCreated += runsLog.OnRunCreated;
            }

            context.Out.WriteLine($"{Credentials.BaseUrlVariable}={sandbox.ApiBaseAddress}");
            // A sandbox key, valid only against this process: printing it is the point of the command.
            context.Out.WriteLine($"{Credentials.ApiKeyVariable}={sandbox.ApiKey}");
            await context.Out.FlushAsync(CancellationToken.None);
            context.Error.WriteLine("Sandbox running: set the two variables above in another shell (export them) and try the other commands. Ctrl-C stops it.");
            if (clock is ScaledTimeProvider scaled)
            {
                // Its clock runs ahead of every other process's: a collector rehearsing against it needs the same clock.
                var origin = scaled.Origin.UtcDateTime.ToString(TimeScaleOptions.OriginFormat, CultureInfo.InvariantCulture);
                context.Error.WriteLine(FormattableString.Invariant($"Sandbox clock: {scaled.Scale}x real time from {origin} (sandbox time = origin + {scaled.Scale} x real time since the origin). Rehearse a collector on it with: collect --time-scale {scaled.Scale} --time-origin {origin}"));
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C is how a sandbox is meant to end, not an interruption.
            }

            context.Error.WriteLine("Sandbox stopped.");
            return ExitCodes.Success;
        });
        return command;
    }
}
