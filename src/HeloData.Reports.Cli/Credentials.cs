using System.CommandLine;

namespace HeloData.Reports.Cli;

/// <summary>
/// Where the API key and the base address come from. The key is read from the environment or a file,
/// never from an argument value (it would land in shell history and process listings), and never
/// printed: every message here names where the key came from, not what it is.
/// </summary>
internal static class Credentials
{
    public const string ApiKeyVariable = "HELODATA_API_KEY";
    public const string BaseUrlVariable = "HELODATA_BASE_URL";

    public const string ApiKeyFileName = "--api-key-file";

    /// <summary>
    /// The global option; a file rather than a value, for the reason above. A new one per command tree:
    /// an option remembers the commands it was added to, so a shared instance would grow with every run.
    /// </summary>
    public static Option<string?> ApiKeyFileOption() => new(ApiKeyFileName)
    {
        Description = $"Read the API key from this file instead of {ApiKeyVariable}.",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary>Builds a client from the environment and <c>--api-key-file</c>.</summary>
    /// <exception cref="UsageException">No usable key or base address.</exception>
    public static ReportsClient CreateClient(CliContext context, ParseResult parse)
    {
        var (key, source) = ReadKey(context, parse);
        var options = new ReportsClientOptions { ApiKey = key };
        if (context.Environment(BaseUrlVariable) is { Length: > 0 } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address))
            {
                throw new UsageException($"{BaseUrlVariable}: '{baseUrl}' is not an absolute URL.");
            }

            options.BaseAddress = address;
        }

        try
        {
            return new ReportsClient(options);
        }
        catch (ArgumentException e)
        {
            // The SDK's messages name its own settings (and never echo the key); name ours instead.
            throw new UsageException(e.Message
                .Replace("ReportsClientOptions.ApiKey", $"The API key ({source})", StringComparison.Ordinal)
                .Replace("ReportsClientOptions.BaseAddress", BaseUrlVariable, StringComparison.Ordinal));
        }
    }

    private static (string Key, string Source) ReadKey(CliContext context, ParseResult parse)
    {
        if (parse.GetValue<string?>(ApiKeyFileName) is { } path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"--api-key-file: cannot read '{path}': {e.Message}");
            }

            // Editors and `echo key > file` leave a newline; it is not part of the key.
            var key = text.Trim();
            return key.Length == 0
                ? throw new UsageException($"--api-key-file: '{path}' is empty.")
                : (key, $"from --api-key-file '{path}'");
        }

        return context.Environment(ApiKeyVariable) is { Length: > 0 } fromEnvironment
            ? (fromEnvironment, $"from {ApiKeyVariable}")
            : throw new UsageException(
                $"No API key: set {ApiKeyVariable}, or pass --api-key-file PATH. To try the tool without an account, run 'helodata-reports sandbox' and use the two lines it prints.");
    }
}
