
namespace HeloData.Reports.Models;

/// <summary>
/// Wire assumption, in one place: the fields the published page lists for each known destination
/// type (<c>email {email}</c>, <c>webhook {url, signing_secret}</c>, <c>s3 {bucket, prefix, role_arn}</c>,
/// <c>gcs {bucket, prefix, service_account_email}</c>), and nothing more: their syntax (e-mail, bucket
/// naming, ARNs) is the service's to judge.
/// </summary>
/// <remarks>
/// One rule serves both directions. A destination read from the service that breaks it is read as an
/// <see cref="UnknownDestination"/> (its JSON kept whole), and the client refuses to send a known
/// destination that breaks it; so whatever the SDK reads as a known destination, it accepts back.
/// The one difference: a response may leave a webhook's <c>signing_secret</c> out (the contract says so).
/// </remarks>
internal static class DestinationShape
{
    /// <summary>Finds the first field a known destination lacks.</summary>
    /// <param name="destination">The destination; an <see cref="UnknownDestination"/> never has a fault.</param>
    /// <param name="sending">Whether it is about to be sent, where a webhook's signing secret is required.</param>
    /// <returns>The member at fault and what is wrong with it, or <see langword="null"/>.</returns>
    public static DestinationFault? FindFault(ReportDestination destination, bool sending) => destination switch
    {
        EmailDestination email => Filled(email.Email, nameof(EmailDestination.Email), "email address"),
        WebhookDestination webhook => UrlFault(webhook.Url)
            ?? (webhook.SigningSecret is null && !sending ? null : Filled(webhook.SigningSecret, nameof(WebhookDestination.SigningSecret), "signing secret")),
        BucketDestination bucket => Filled(bucket.Bucket, nameof(BucketDestination.Bucket), $"{Store(bucket)} bucket")
            ?? Present(bucket.Prefix, nameof(BucketDestination.Prefix), $"{Store(bucket)} prefix")
            ?? bucket switch
            {
                S3Destination s3 => Filled(s3.RoleArn, nameof(S3Destination.RoleArn), "S3 role ARN"),
                GcsDestination gcs => Filled(gcs.ServiceAccountEmail, nameof(GcsDestination.ServiceAccountEmail), "GCS service account e-mail"),
                _ => null,
            },
        _ => null,
    };

    private static string Store(BucketDestination bucket) => bucket is S3Destination ? "S3" : "GCS";

    private static DestinationFault? Filled(string? value, string member, string what) =>
        string.IsNullOrEmpty(value)
            ? new(member, $"The {what} is {(value is null ? "missing" : "empty")}; the page lists it as a field of this destination type.")
            : null;

    // An empty prefix is a real value (the bucket's root); only a missing one breaks the shape.
    private static DestinationFault? Present(string? value, string member, string what) =>
        value is null
            ? new(member, $"The {what} is missing; the page lists it as a field of this destination type (use \"\" for the bucket's root).")
            : null;

    private static DestinationFault? UrlFault(Uri? url) => url switch
    {
        null => new(nameof(WebhookDestination.Url), "The webhook URL is missing; the page lists it as a field of this destination type."),
        { IsAbsoluteUri: false } => new(nameof(WebhookDestination.Url), "The webhook URL is relative; it must be an absolute https or http URL, such as \"https://hooks.acme.com/reports\"."),
        _ when url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp =>
            new(nameof(WebhookDestination.Url), $"The webhook URL uses the scheme \"{url.Scheme}\"; it must be an absolute https or http URL."),
        _ => null,
    };
}

/// <summary>What a destination lacks: the CLR member at fault, and a message that never shows a value.</summary>
/// <param name="Member">The member, such as <c>Bucket</c>.</param>
/// <param name="Problem">What is wrong, for an exception message.</param>
internal readonly record struct DestinationFault(string Member, string Problem);
