using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Writes the artifact to an Amazon S3 bucket through a cross-account role
/// (<c>{"type":"s3","bucket":"…","prefix":"…","role_arn":"arn:aws:iam::…:role/…"}</c>).
/// </summary>
public sealed class S3Destination : ReportDestination
{
    /// <summary>Creates an S3 destination.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="prefix">The key prefix objects are written under; <c>""</c> for the bucket's root.</param>
    /// <param name="roleArn">The IAM role the service assumes to write into the bucket (a cross-account write).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>: the page lists all three fields for an S3 destination.</exception>
    /// <remarks>Only presence is checked here and before sending; bucket naming and ARN syntax are the service's to judge.</remarks>
    [JsonConstructor]
    public S3Destination(string bucket, string prefix, string roleArn)
        : base(ReportDestinationConverter.S3Type)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(roleArn);
        Bucket = bucket;
        Prefix = prefix;
        RoleArn = roleArn;
    }

    /// <summary>The bucket name.</summary>
    public string Bucket { get; }

    /// <summary>The key prefix objects are written under; <c>""</c> for the bucket's root.</summary>
    public string Prefix { get; }

    /// <summary>The IAM role ARN the service assumes to write into the bucket.</summary>
    public string RoleArn { get; }

    /// <inheritdoc />
    public override string ToString() => $"s3 s3://{Bucket}/{Prefix}";
}
