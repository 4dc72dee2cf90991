namespace HeloData.Reports.Cli;

/// <summary>Input refused by the tool itself, before any request: exit code 2.</summary>
/// <param name="message">What is wrong, naming the option or variable.</param>
internal sealed class UsageException(string message) : Exception(message);
