using System.CommandLine;
using System.CommandLine.Parsing;
using HeloData.Reports.Models;

namespace HeloData.Reports.Cli.Commands;

/// <summary>
/// The four destination kinds as option groups. At most one group per command, and a group whole: a
/// missing field is refused naming it, before any request (the SDK would refuse it too, by its own name).
/// A webhook's signing secret is a credential, so it comes as the API key does (<see cref="Credentials"/>):
/// from a file or <c>HELODATA_WEBHOOK_SECRET</c>, never from an argument value.
/// </summary>
/// <param name="context">Where the secret's variable and standard input are read.</param>
internal sealed class DestinationOptions(CliContext context)
{
    private readonly Option<string?> _email = Text("--email", "E", "Mail each artifact to this address.");
    private readonly Option<Uri?> _webhookUrl = new("--webhook-url")
    {
        Description = $"POST each artifact to this absolute https URL, signed with the secret from --webhook-secret-file or {Credentials.WebhookSecretVariable}.",
        HelpName = "URL",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                return url;
            }

            result.AddError($"--webhook-url: '{text}' is not an absolute http(s) URL.");
            return null;
        },
    };

    private readonly Option<string?> _webhookSecretFile = Text(
        "--webhook-secret-file",
        "PATH",
        $"Read the secret each webhook delivery is signed with from this file ('-': standard input) instead of {Credentials.WebhookSecretVariable}.");

    // Gone: a value on the command line shows in process listings and shell history. Kept hidden, so
    // its use is refused with the way to give the secret instead of "unrecognized option".
    private readonly Option<string?> _webhookSecretValue = new("--webhook-secret") { Hidden = true };
    private readonly Option<string?> _s3Bucket = Text("--s3-bucket", "B", "Write each artifact to this S3 bucket (with --s3-prefix and --s3-role-arn).");
    private readonly Option<string?> _s3Prefix = Text("--s3-prefix", "P", "The key prefix in the S3 bucket.");
    private readonly Option<string?> _s3RoleArn = Text("--s3-role-arn", "A", "The IAM role the service assumes to write to the bucket.");
    private readonly Option<string?> _gcsBucket = Text("--gcs-bucket", "B", "Write each artifact to this GCS bucket (with --gcs-prefix and --gcs-service-account).");
    private readonly Option<string?> _gcsPrefix = Text("--gcs-prefix", "P", "The object prefix in the GCS bucket.");
    private readonly Option<string?> _gcsServiceAccount = Text("--gcs-service-account", "E", "The service account email the service writes as.");

    private IEnumerable<Option[]> Groups =>
    [
        [_email],
        [_webhookUrl, _webhookSecretFile],
        [_s3Bucket, _s3Prefix, _s3RoleArn],
        [_gcsBucket, _gcsPrefix, _gcsServiceAccount],
    ];

    public void AddTo(Command command)
    {
        foreach (var option in Groups.SelectMany(group => group).Append(_webhookSecretValue))
        {
            command.Add(option);
        }

        command.Validators.Add(Validate);
    }

    /// <summary>The destination given, or <see langword="null"/> when no destination option was.</summary>
    public ReportDestination? Read(ParseResult parse)
    {
        if (parse.GetValue(_email) is { } email)
        {
            return new EmailDestination(email);
        }

        if (parse.GetValue(_webhookUrl) is { } url)
        {
            return new WebhookDestination(url, Credentials.ReadWebhookSecret(context, parse.GetValue(_webhookSecretFile), _webhookSecretFile.Name));
        }

        if (parse.GetValue(_s3Bucket) is { } s3Bucket)
        {
            return new S3Destination(s3Bucket, parse.GetValue(_s3Prefix)!, parse.GetValue(_s3RoleArn)!);
        }

        return parse.GetValue(_gcsBucket) is { } gcsBucket
            ? new GcsDestination(gcsBucket, parse.GetValue(_gcsPrefix)!, parse.GetValue(_gcsServiceAccount)!)
            : null;
    }

    private static Option<string?> Text(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
    };

    private void Validate(CommandResult result)
    {
        if (result.GetResult(_webhookSecretValue) is not null)
        {
            // Says nothing of the value: it is a secret.
            result.AddError(
                $"--webhook-secret is not taken: a secret on the command line shows in process listings and shell history. Put it in a file and pass --webhook-secret-file PATH ('-' reads standard input), or set {Credentials.WebhookSecretVariable}.");
            return;
        }

        var used = Groups.Where(group => group.Any(option => result.GetResult(option) is not null)).ToList();
        if (used.Count > 1)
        {
            result.AddError($"Give one destination, not {string.Join(" and ", used.Select(group => group[0].Name))}.");
            return;
        }

        // The webhook's secret may come from the environment instead: Read checks it is there.
        if (used.Count == 1 && used[0].Where(option => option != _webhookSecretFile && result.GetResult(option) is null).Select(option => option.Name).ToList() is { Count: > 0 } missing)
        {
            var given = string.Join(", ", used[0].Where(option => result.GetResult(option) is not null).Select(option => option.Name));
            result.AddError($"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} required with {given}.");
        }
    }
}
