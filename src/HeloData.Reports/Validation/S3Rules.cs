using System.Text.RegularExpressions;
using HeloData.Reports.Models;

namespace HeloData.Reports.Validation;

/// <summary>The rules for an <see cref="S3Destination"/>: AWS's general-purpose bucket naming rules and an IAM role ARN.</summary>
internal static partial class S3Rules
{
    private const string Store = "S3";

    // Reserved by AWS for access points, Object Lambda and internal use: no bucket can have them.
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3"];

    /// <summary>Checks the bucket, the prefix and the role ARN.</summary>
    /// <param name="s3">The destination.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>report.Destination</c>.</param>
    /// <exception cref="ArgumentException">A field breaks its rule.</exception>
    internal static void Assert(S3Destination s3, string paramName)
    {
        AssertBucket(s3.Bucket, $"{paramName}.{nameof(S3Destination.Bucket)}");
        if (s3.Prefix is { } prefix)
        {
            BucketRules.AssertPrefix(prefix, $"{paramName}.{nameof(S3Destination.Prefix)}", Store);
        }

        if (s3.RoleArn is { } roleArn && !RoleArnPattern().IsMatch(roleArn))
        {
            throw new ArgumentException(
                $"The S3 role ARN {ValueText.Quote(roleArn)} is not an IAM role ARN of the form arn:aws:iam::<12-digit account id>:role/<name>, such as \"arn:aws:iam::123456789012:role/helodata-reports\" (the name may have a path, such as \"role/exports/helodata-reports\").",
                $"{paramName}.{nameof(S3Destination.RoleArn)}");
        }
    }

    private static void AssertBucket(string bucket, string paramName)
    {
        if (bucket.Length is < 3 or > 63)
        {
            throw BucketRules.Invalid(bucket, paramName, Store, $"is {bucket.Length} characters long; S3 bucket names are 3 to 63 characters");
        }

        BucketRules.AssertCharacters(bucket, paramName, Store, c => BucketRules.IsLetterOrDigit(c) || c is '.' or '-', "lowercase letters, digits, dots (.) and hyphens (-)");
        BucketRules.AssertShape(bucket, paramName, Store);
        if (bucket.Contains("..", StringComparison.Ordinal))
        {
            throw BucketRules.Invalid(bucket, paramName, Store, "contains two adjacent dots");
        }

        foreach (var prefix in ReservedPrefixes)
        {
            if (bucket.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw BucketRules.Invalid(bucket, paramName, Store, $"starts with \"{prefix}\", which AWS reserves");
            }
        }

        foreach (var suffix in ReservedSuffixes)
        {
            if (bucket.EndsWith(suffix, StringComparison.Ordinal))
            {
                throw BucketRules.Invalid(bucket, paramName, Store, $"ends with \"{suffix}\", which AWS reserves");
            }
        }
    }

    // Partition "aws" only: the service assumes the role from the commercial partition, and IAM
    // cannot assume a role across partitions. The role name proper (last segment) is at most 64
    // characters; path and name together at most 512.
    [GeneratedRegex(@"^arn:aws:iam::[0-9]{12}:role/(?=[A-Za-z0-9+=,.@_/-]{1,512}\z)(?:[A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();
}
