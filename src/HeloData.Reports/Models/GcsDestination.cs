using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Writes the artifact to a Google Cloud Storage bucket through a service account
/// (<c>{"type":"gcs","bucket":"…","prefix":"…","service_account_email":"…"}</c>).
/// </summary>
public sealed class GcsDestination : BucketDestination
{
    /// <summary>Creates a GCS destination.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="prefix">The object prefix the artifact is written under; <c>""</c> for the bucket's root.</param>
    /// <param name="serviceAccountEmail">The service account granted write access to the bucket.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>: the page lists all three fields for a GCS destination.</exception>
    /// <remarks>Only presence is checked here and before sending; bucket naming and e-mail syntax are the service's to judge.</remarks>
    [JsonConstructor]
    public GcsDestination(string bucket, string prefix, string serviceAccountEmail)
        : base(ReportDestinationConverter.GcsType, bucket, prefix)
    {
        ArgumentNullException.ThrowIfNull(serviceAccountEmail);
        ServiceAccountEmail = serviceAccountEmail;
    }

    /// <summary>The service account granted write access to the bucket.</summary>
    [JsonPropertyOrder(3)]
    public string ServiceAccountEmail { get; }

    private protected override string Identity => ServiceAccountEmail;
}
