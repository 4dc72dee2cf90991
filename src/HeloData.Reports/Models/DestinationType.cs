using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Where a report is delivered (a destination's <c>type</c> discriminator).
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<DestinationType>))]
[ExtensibleEnum("a destination type")]
public readonly partial struct DestinationType
{
    /// <summary>An email address (<c>email</c>).</summary>
    public static DestinationType Email { get; } = new("email");

    /// <summary>An HTTPS webhook, signed with a shared secret (<c>webhook</c>).</summary>
    public static DestinationType Webhook { get; } = new("webhook");

    /// <summary>An Amazon S3 bucket, written through a cross-account role (<c>s3</c>).</summary>
    public static DestinationType S3 { get; } = new("s3");

    /// <summary>A Google Cloud Storage bucket, written through a service account (<c>gcs</c>).</summary>
    public static DestinationType Gcs { get; } = new("gcs");
}
