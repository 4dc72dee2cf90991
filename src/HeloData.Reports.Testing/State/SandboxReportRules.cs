using System.Net.Mail;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cronos;

namespace HeloData.Reports.Testing.State;

/// <summary>
/// Validates a report definition as the service would, answering with the contract's codes:
/// <c>invalid_cron</c> for a schedule that is not standard cron (<see cref="StandardCron.Problem"/>),
/// that Cronos rejects, or that never fires; <c>validation_failed</c> for any other bad field.
/// (Webhook pre-flight, <c>destination_unreachable</c>, is <see cref="Http.WebhookPreflight"/>.)
/// </summary>
internal static partial class SandboxReportRules
{
    public static void Validate(JsonObject report)
    {
        var name = String(report, "name", required: true)!;
        if (string.IsNullOrWhiteSpace(name) || name.Length > SandboxContract.MaxNameLength)
        {
            throw SandboxError.Invalid($"name must be 1 to {SandboxContract.MaxNameLength} characters and not blank.");
        }

        OneOf(String(report, "type", required: true)!, SandboxContract.ReportTypes, "type");
        OneOf(String(report, "format", required: true)!, SandboxContract.Formats, "format");
        ValidateFilters(report["filters"]);
        if (String(report, "schedule", required: false) is { } schedule)
        {
            ValidateSchedule(schedule);
        }

        if (report["destination"] is { } destination)
        {
            ValidateDestination(destination);
        }
    }

    public static void ValidateSchedule(string schedule)
    {
        if (StandardCron.Problem(schedule) is { } problem)
        {
            throw InvalidCron($"schedule '{schedule}' is not a valid 5-field cron expression: {problem}");
        }

        CronTimetable timetable;
        try
        {
            timetable = CronTimetable.Parse(schedule);
        }
        catch (CronFormatException exception)
        {
            throw InvalidCron($"schedule '{schedule}' is not a valid 5-field cron expression: {exception.Message}");
        }

        // A report that would never run is refused, as the contract has clients do, not kept silent.
        if (timetable.NeverFires() is { } reason)
        {
            throw InvalidCron($"schedule '{schedule}' never fires: {reason}.");
        }
    }

    private static SandboxError InvalidCron(string message) => new(422, SandboxContract.Codes.InvalidCron, message);

    private static void ValidateFilters(JsonNode? filters)
    {
        if (filters is null)
        {
            return;
        }

        if (filters is not JsonObject filterObject)
        {
            throw SandboxError.Invalid("filters must be an object.");
        }

        if (filterObject["products"] is { } products)
        {
            if (products is not JsonArray list || list.Any(p => p?.GetValueKind() != System.Text.Json.JsonValueKind.String))
            {
                throw SandboxError.Invalid("filters.products must be an array of strings.");
            }

            foreach (var product in list)
            {
                OneOf((string)product!, SandboxContract.Products, "filters.products[]");
            }
        }
    }

    private static void ValidateDestination(JsonNode destination)
    {
        if (destination is not JsonObject target)
        {
            throw SandboxError.Invalid("destination must be an object.");
        }

        var type = String(target, "type", required: true, path: "destination.type")!;
        OneOf(type, SandboxContract.DestinationTypes, "destination.type");
        switch (type)
        {
            case "email":
                var email = String(target, "email", required: true, path: "destination.email")!;
                if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
                {
                    throw SandboxError.Invalid($"destination.email '{email}' is not an email address.");
                }

                break;
            case "webhook":
                var url = String(target, "url", required: true, path: "destination.url")!;
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
                {
                    throw SandboxError.Invalid($"destination.url must be an absolute https URL (http only for loopback).");
                }

                if (string.IsNullOrWhiteSpace(String(target, "signing_secret", required: true, path: "destination.signing_secret")))
                {
                    throw SandboxError.Invalid("destination.signing_secret must not be empty.");
                }

                break;
            case "s3":
                Bucket(target);
                if (String(target, "role_arn", required: true, path: "destination.role_arn") is { } arn && !RoleArn().IsMatch(arn))
                {
                    throw SandboxError.Invalid($"destination.role_arn '{arn}' is not an IAM role ARN.");
                }

                break;
            case "gcs":
                Bucket(target);
                if (String(target, "service_account_email", required: true, path: "destination.service_account_email") is { } account
                    && !account.EndsWith(".gserviceaccount.com", StringComparison.Ordinal))
                {
                    throw SandboxError.Invalid($"destination.service_account_email '{account}' is not a service account.");
                }

                break;
        }
    }

    private static void Bucket(JsonObject target)
    {
        var bucket = String(target, "bucket", required: true, path: "destination.bucket")!;
        if (!BucketName().IsMatch(bucket))
        {
            throw SandboxError.Invalid($"destination.bucket '{bucket}' is not a valid bucket name.");
        }

        // Every field the page lists is required; an empty prefix is the bucket's root.
        String(target, "prefix", required: true, path: "destination.prefix");
    }

    private static string? String(JsonObject owner, string property, bool required, string? path = null)
    {
        var node = owner[property];
        if (node is null)
        {
            return required ? throw SandboxError.Invalid($"{path ?? property} is required.") : null;
        }

        return node.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? node.GetValue<string>()
            : throw SandboxError.Invalid($"{path ?? property} must be a string.");
    }

    private static void OneOf(string value, string[] allowed, string field)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw SandboxError.Invalid($"{field} '{value}' is not one of: {string.Join(", ", allowed)}.");
        }
    }

    [GeneratedRegex(@"\Aarn:aws:iam::\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}\z")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]\z")]
    private static partial Regex BucketName();
}
