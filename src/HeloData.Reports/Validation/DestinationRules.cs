using System.Net.Mail;
using HeloData.Reports.Models;

namespace HeloData.Reports.Validation;

/// <summary>
/// The rules for a report's destination. Each failure blames the member at fault, such as
/// <c>report.Destination.Url</c>.
/// </summary>
internal static class DestinationRules
{
    /// <summary>Checks a destination by its kind. An <see cref="UnknownDestination"/> passes untouched.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>report.Destination</c>.</param>
    /// <exception cref="ArgumentException">A field breaks its rule.</exception>
    internal static void AssertDestination(ReportDestination destination, string paramName)
    {
        switch (destination)
        {
            case EmailDestination email:
                AssertEmail(email.Email, $"{paramName}.{nameof(EmailDestination.Email)}");
                break;
            case WebhookDestination webhook:
                AssertWebhookUrl(webhook.Url, $"{paramName}.{nameof(WebhookDestination.Url)}");
                AssertSigningSecret(webhook.SigningSecret, $"{paramName}.{nameof(WebhookDestination.SigningSecret)}");
                break;
            case S3Destination s3:
                S3Rules.Assert(s3, paramName);
                break;
            case GcsDestination gcs:
                GcsRules.Assert(gcs, paramName);
                break;

            // An UnknownDestination is a kind newer than this SDK: its rules are the service's to judge.
        }
    }

    private static void AssertEmail(string email, string paramName)
    {
        var quoted = ValueText.Quote(email);
        if (!MailAddress.TryCreate(email, out var parsed))
        {
            throw new ArgumentException($"The email address {quoted} is not a valid email address, such as \"ops@acme.com\".", paramName);
        }

        // MailAddress also accepts "Ops <ops@acme.com>" and trims spaces; the API's field is the bare address.
        if (!string.Equals(parsed.Address, email, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The email address {quoted} is not one bare address (it reads as {ValueText.Quote(parsed.Address)}); write only the address itself, such as \"ops@acme.com\", without a display name, a list or other text.", paramName);
        }

        if (!parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The email address {quoted} has no dot in its domain {ValueText.Quote(parsed.Host)}; the service can deliver only to a fully qualified domain, such as \"acme.com\".", paramName);
        }
    }

    private static void AssertWebhookUrl(Uri url, string paramName)
    {
        var shown = ValueText.Quote(Display(url));
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"The webhook URL {shown} is relative; it must be an absolute https URL, such as \"https://hooks.acme.com/reports\".", paramName);
        }

        if (url.UserInfo.Length > 0)
        {
            throw new ArgumentException($"The webhook URL {shown} carries a user name or password (shown as ***); credentials in a URL end up stored and logged in plain text. Remove them, and verify deliveries with the signing secret instead.", paramName);
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }

        if (url.Scheme == Uri.UriSchemeHttp)
        {
            // Plain http is only for a local fake of the service: anything else would send reports in the clear.
            if (!url.IsLoopback)
            {
                throw new ArgumentException($"The webhook URL {shown} uses http; reports are delivered only over https, except to a loopback host (localhost, 127.0.0.0/8, ::1) for local testing.", paramName);
            }

            return;
        }

        throw new ArgumentException($"The webhook URL {shown} uses the scheme \"{url.Scheme}\"; a webhook URL must be https.", paramName);
    }

    // The message deliberately never contains the secret, not even a blank one.
    private static void AssertSigningSecret(string? secret, string paramName)
    {
        if (secret is null)
        {
            throw new ArgumentNullException(paramName, "A webhook destination needs a signing secret: the service signs every delivery with it, so the receiver can check it came from HeloData.");
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("The webhook signing secret is empty or blank; the service signs every delivery with it, so it must be a real secret.", paramName);
        }
    }

    // User information and the query often carry credentials (tokens, signatures), and messages end
    // up in logs: show neither.
    private static string Display(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            var end = url.OriginalString.AsSpan().IndexOfAny('?', '#');
            return end < 0 ? url.OriginalString : $"{url.OriginalString[..end]}?…";
        }

        var userInfo = url.UserInfo.Length > 0 ? "***@" : string.Empty;
        var query = url.Query.Length > 0 ? "?…" : string.Empty;
        return $"{url.Scheme}://{userInfo}{url.Authority}{url.AbsolutePath}{query}";
    }
}
