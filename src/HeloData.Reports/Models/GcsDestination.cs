using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Writes the artifact to a Google Cloud Storage bucket through a service account
/// (<c>{"type":"gcs","bucket":"…","prefix":"…","service_account_email":"…"}</c>).
/// </summary>
public sealed class GcsDestination : ReportDestination
{
    /// <summary>Creates a GCS destination.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="prefix">The object prefix the artifact is written under, if any.</param>
    /// <param name="serviceAccountEmail">The service account granted write access, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bucket"/> is <see langword="null"/>.</exception>
    [JsonConstructor]
    public GcsDestination(string bucket, string? prefix = null, string? serviceAccountEmail = null)
        : base(DestinationType.Gcs)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        Bucket = bucket;
        Prefix = prefix;
        ServiceAccountEmail = serviceAccountEmail;
    }


    /// <summary>The bucket name.</summary>
    public string Bucket { get; }

    /// <summary>The object prefix the artifact is written under, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Prefix { get; }

    /// <summary>The service account granted write access to the bucket, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ServiceAccountEmail { get; }

    /// <inheritdoc />
    public override string ToString() => $"gcs gs://{Bucket}/{Prefix}";
}
