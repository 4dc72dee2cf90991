using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Writes the artifact to an Amazon S3 bucket through a cross-account role
/// (<c>{"type":"s3","bucket":"…","prefix":"…","role_arn":"arn:aws:iam::…:role/…"}</c>).
/// </summary>
public sealed class S3Destination : BucketDestination
{
    /// <summary>Creates an S3 destination.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="prefix">The key prefix objects are written under; <c>""</c> for the bucket's root.</param>
    /// <param name="roleArn">The IAM role the service assumes to write into the bucket (a cross-account write).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>: the page lists all three fields for an S3 destination.</exception>
    /// <remarks>Only presence is checked here and before sending; bucket naming and ARN syntax are the service's to judge.</remarks>
    [JsonConstructor]
    public S3Destination(string bucket, string prefix, string roleArn)
        : base(ReportDestinationConverter.S3Type, bucket, prefix)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        RoleArn = roleArn;
    }

    /// <summary>The IAM role ARN the service assumes to write into the bucket.</summary>
    [JsonPropertyOrder(3)]
    public string RoleArn { get; }

    private protected override string Identity => RoleArn;
}
