namespace HeloData.Reports.Cli;

/// <summary>Ctrl-C in a step that has its own advice on resuming (exit code 130); the message is that advice.</summary>
internal sealed class InterruptedException(string message, Exception innerException)
    : OperationCanceledException(message, innerException);
