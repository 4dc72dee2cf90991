using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Delivers the artifact to an HTTPS endpoint, signed with a shared secret
/// (<c>{"type":"webhook","url":"…","signing_secret":"…"}</c>).
/// </summary>
/// <remarks>
/// <see cref="SigningSecret"/> is a credential: <see cref="ToString"/> never shows it.
/// A response from the service may leave it out, in which case it is <see langword="null"/>.
/// Equality (<see cref="ReportDestination.Equals(ReportDestination)"/>, <c>==</c>, the hash code) is about
/// where deliveries go, the <see cref="Url"/> as written, and leaves the secret out: it cannot be read
/// back from the service, so a destination from a response equals the one sent with the same URL. To
/// change a webhook's secret, send the destination; do not skip the update because it compares equal.
/// </remarks>
public sealed class WebhookDestination : ReportDestination
{
    /// <summary>Creates a webhook destination.</summary>
    /// <param name="url">The endpoint the service posts the artifact to.</param>
    /// <param name="signingSecret">The secret the service signs each delivery with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    [JsonConstructor]
    public WebhookDestination(Uri url, string? signingSecret)
        : base(ReportDestinationConverter.WebhookType)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
        SigningSecret = signingSecret;
    }

    /// <summary>The endpoint the service posts the artifact to.</summary>
    public Uri Url { get; }

    /// <summary>The secret the service signs each delivery with; <see langword="null"/> when a response omits it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SigningSecret { get; }

    /// <inheritdoc />
    // The host only: a URL's user info and query may carry credentials of their own.
    public override string ToString() =>
        $"webhook {(Url.IsAbsoluteUri ? Url.Host : "(relative URL)")} (signing secret {(SigningSecret is null ? "not shown by the service" : "redacted")})";

    // The URL as written: Uri's own equality leaves out the user info and the fragment. Not the secret:
    // a response usually omits it, and comparing it only when both sides have one would not be transitive
    // (with a, null, b: a == null == b, yet a != b); nor would a plain == on it be constant-time.
    private protected override bool SameFields(ReportDestination other) =>
        other is WebhookDestination webhook && Url.OriginalString == webhook.Url.OriginalString;

    // The URL alone, as equality.
    private protected override int FieldsHashCode() => Url.OriginalString.GetHashCode(StringComparison.Ordinal);
}
