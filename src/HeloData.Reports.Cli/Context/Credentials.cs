using System.CommandLine;

namespace HeloData.Reports.Cli;

/// <summary>
/// Where the secrets (the API key, a webhook's signing secret) and the base address come from. A secret
/// is read from the environment or a file (<c>-</c>: standard input), never from an argument value (it
/// would land in shell history, and in process listings while the command runs), and never printed:
/// every message here names where a secret came from, not what it is.
/// </summary>
internal static class Credentials
{
    // The SDK's names, so the CLI, the sandbox's output and AddHeloReports' fallback say the same.
    public const string ApiKeyVariable = ReportsClientOptions.ApiKeyEnvironmentVariable;
    public const string BaseUrlVariable = ReportsClientOptions.BaseAddressEnvironmentVariable;
    public const string WebhookSecretVariable = "HELODATA_WEBHOOK_SECRET";

    public const string ApiKeyFileName = "--api-key-file";

    /// <summary>
    /// The global option; a file rather than a value, for the reason above. A new one per command tree:
    /// an option remembers the commands it was added to, so a shared instance would grow with every run.
    /// </summary>
    public static Option<string?> ApiKeyFileOption() => new(ApiKeyFileName)
    {
        Description = $"Read the API key from this file ('-': standard input) instead of {ApiKeyVariable}.",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary>Builds a client from the environment and <c>--api-key-file</c>.</summary>
    /// <exception cref="UsageException">No usable key or base address.</exception>
    public static ReportsClient CreateClient(CliContext context, ParseResult parse)
    {
        var (options, source) = Read(context, parse);
        return Create(options, source);
    }

    /// <summary>
    /// The client's options from the environment and <c>--api-key-file</c>, checked as <see cref="CreateClient"/>
    /// checks them: for a command that registers the client with dependency injection (<c>collect</c>).
    /// </summary>
    /// <exception cref="UsageException">No usable key or base address.</exception>
    public static ReportsClientOptions ReadOptions(CliContext context, ParseResult parse)
    {
        var (options, source) = Read(context, parse);
        using (Create(options, source))
        {
            return options;
        }
    }

    private static (ReportsClientOptions Options, string KeySource) Read(CliContext context, ParseResult parse)
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

        return (options, source);
    }

    // The SDK's own checks of the options (the key's shape, https off the machine), run by building a client.
    private static ReportsClient Create(ReportsClientOptions options, string source)
    {
        try
        {
            return new ReportsClient(options);
        }
        catch (ArgumentException e)
        {
            // The SDK's messages name its own settings (and never echo the key); name ours instead.
            throw new UsageException(Messages.Of(e)
                .Replace("ReportsClientOptions.ApiKey", $"The API key ({source})", StringComparison.Ordinal)
                .Replace("ReportsClientOptions.BaseAddress", BaseUrlVariable, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The address the client calls, fit to print: <see cref="BaseUrlVariable"/> when set, else the SDK's
    /// default; scheme, host, port and path only, since a user name, password or query in the variable may
    /// be a credential.
    /// </summary>
    public static string BaseAddressText(CliContext context) =>
        context.Environment(BaseUrlVariable) is not { Length: > 0 } baseUrl ? new ReportsClientOptions().BaseAddress.ToString()
        : Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
        : $"the address in {BaseUrlVariable}";

    /// <summary>
    /// A webhook destination's signing secret: from <paramref name="fileOption"/>'s file when given, else
    /// from <see cref="WebhookSecretVariable"/>.
    /// </summary>
    /// <exception cref="UsageException">Neither gives a secret, or the file cannot be read or is empty.</exception>
    public static string ReadWebhookSecret(CliContext context, string? path, string fileOption) =>
        path is not null ? ReadSecretFile(context, path, fileOption)
        : context.Environment(WebhookSecretVariable)?.Trim() is { Length: > 0 } fromEnvironment ? fromEnvironment
        : throw new UsageException($"A webhook needs its signing secret: set {WebhookSecretVariable}, or pass {fileOption} PATH ('-' reads it from standard input).");

    /// <summary>
    /// One secret from a file, or from standard input when <paramref name="path"/> is <c>-</c>: the
    /// whole text, without the line break editors and <c>echo</c> leave (never part of a secret).
    /// </summary>
    /// <exception cref="UsageException">The file cannot be read, or holds nothing but white space.</exception>
    public static string ReadSecretFile(CliContext context, string path, string option)
    {
        var where = path == "-" ? "standard input" : $"'{path}'";
        string text;
        try
        {
            text = path == "-" ? context.ReadAllInput(option) : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{option}: cannot read {where}: {Messages.Of(e)}");
        }

        var secret = text.Trim();
        return secret.Length == 0 ? throw new UsageException($"{option}: {where} is empty.") : secret;
    }

    private static (string Key, string Source) ReadKey(CliContext context, ParseResult parse)
    {
        if (parse.GetValue<string?>(ApiKeyFileName) is { } path)
        {
            return (ReadSecretFile(context, path, ApiKeyFileName), path == "-" ? $"from {ApiKeyFileName} -" : $"from {ApiKeyFileName} '{path}'");
        }

        return context.Environment(ApiKeyVariable) is { Length: > 0 } fromEnvironment
            ? (fromEnvironment, $"from {ApiKeyVariable}")
            : throw new UsageException(
                $"No API key: set {ApiKeyVariable}, or pass --api-key-file PATH. To try the tool without an account, run 'helodata-reports sandbox' and use the two lines it prints.");
    }
}
