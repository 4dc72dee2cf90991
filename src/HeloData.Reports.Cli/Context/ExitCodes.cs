namespace HeloData.Reports.Cli;

/// <summary>The process exit codes, a contract with scripts: documented in <c>--help</c> and the README.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something broke that no input explains: a bug in the tool, or the machine (a full disk).</summary>
    public const int Unexpected = 1;

    /// <summary>Bad usage, or input refused before any request was sent.</summary>
    public const int Usage = 2;

    /// <summary>The service answered with an error, or could not be reached.</summary>
    public const int ServiceError = 3;

    /// <summary>The run ended <c>failed</c>.</summary>
    public const int RunFailed = 4;

    /// <summary>The run had not ended when the wait's time ran out.</summary>
    public const int TimedOut = 5;

    /// <summary>Ctrl-C: 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>The table at the end of the root command's help.</summary>
    public const string HelpText = """
        Exit codes:
          0    success
          1    unexpected error (a bug in the tool, or the machine: please report it); collect: its state
               store or a sink cannot work (the message names which)
          2    bad usage, or input refused before any request was sent (the message names the option)
          3    the service answered with an error, or could not be reached (code, HTTP status, request id)
          4    the run failed (its error code and message)
          5    timed out waiting for the run (resume with: runs wait <run-id>)
          130  interrupted by Ctrl-C (a run goes on: its id is printed, resume with: runs wait <run-id>;
               collect releases the runs in flight, for the next collect to take)
        """;
}
