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
    /// <param name="prefix">The key prefix objects are written under, if any.</param>
    /// <param name="roleArn">The IAM role the service assumes for a cross-account write, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bucket"/> is <see langword="null"/>.</exception>
    [JsonConstructor]
    public S3Destination(string bucket, string? prefix = null, string? roleArn = null)
        : base(DestinationType.S3)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        Bucket = bucket;
        Prefix = prefix;
        RoleArn = roleArn;
    }


    /// <summary>The bucket name.</summary>
    public string Bucket { get; }

    /// <summary>The key prefix objects are written under, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Prefix { get; }

    /// <summary>The IAM role ARN the service assumes for a cross-account write, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RoleArn { get; }

    /// <inheritdoc />
    public override string ToString() => $"s3 s3://{Bucket}/{Prefix}";
}
