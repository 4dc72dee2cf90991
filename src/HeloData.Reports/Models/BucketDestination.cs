using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Writes the artifact into a cloud storage bucket: <see cref="S3Destination"/> or
/// <see cref="GcsDestination"/>, which differ only in the identity the service writes with.
/// </summary>
public abstract class BucketDestination : ReportDestination
{
    private protected BucketDestination(string type, string bucket, string prefix)
        : base(type)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        Bucket = bucket;
        Prefix = prefix;
    }

    /// <summary>The bucket name.</summary>
    [JsonPropertyOrder(1)]
    public string Bucket { get; }

    /// <summary>The key prefix objects are written under; <c>""</c> for the bucket's root.</summary>
    [JsonPropertyOrder(2)]
    public string Prefix { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {(this is GcsDestination ? "gs" : "s3")}://{Bucket}/{Prefix}";

    /// <summary>The identity the service writes with: the S3 role ARN or the GCS service account.</summary>
    private protected abstract string Identity { get; }

    private protected override bool SameFields(ReportDestination other) =>
        other is BucketDestination bucket && Bucket == bucket.Bucket && Prefix == bucket.Prefix && Identity == bucket.Identity;

    private protected override int FieldsHashCode() => HashCode.Combine(Bucket, Prefix, Identity);
}
