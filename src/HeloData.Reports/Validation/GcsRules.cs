using System.Text.RegularExpressions;
using HeloData.Reports.Models;

namespace HeloData.Reports.Validation;

/// <summary>The rules for a <see cref="GcsDestination"/>: Google Cloud Storage bucket naming rules and a service account address.</summary>
internal static partial class GcsRules
{
    private const string Store = "GCS";
    private const int MaxPartLength = 63;
    private const int MaxDottedLength = 222;

    /// <summary>Checks the bucket, the prefix and the service account email.</summary>
    /// <param name="gcs">The destination.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>report.Destination</c>.</param>
    /// <exception cref="ArgumentException">A field breaks its rule.</exception>
    internal static void Assert(GcsDestination gcs, string paramName)
    {
        AssertBucket(gcs.Bucket, $"{paramName}.{nameof(GcsDestination.Bucket)}");
        if (gcs.Prefix is { } prefix)
        {
            BucketRules.AssertPrefix(prefix, $"{paramName}.{nameof(GcsDestination.Prefix)}", Store);
        }

        if (gcs.ServiceAccountEmail is { } email && !ServiceAccountPattern().IsMatch(email))
        {
            throw new ArgumentException(
                $"The GCS service account email {ValueText.Quote(email)} is not a service account address; expected <name>@<project>.iam.gserviceaccount.com (such as \"reports-writer@acme-data.iam.gserviceaccount.com\"), <id>@developer.gserviceaccount.com or <project>@appspot.gserviceaccount.com.",
                $"{paramName}.{nameof(GcsDestination.ServiceAccountEmail)}");
        }
    }

    private static void AssertBucket(string bucket, string paramName)
    {
        AssertLength(bucket, paramName);
        BucketRules.AssertCharacters(bucket, paramName, Store, c => BucketRules.IsLetterOrDigit(c) || c is '-' or '_' or '.', "lowercase letters, digits, hyphens (-), underscores (_) and dots (.)");
        BucketRules.AssertShape(bucket, paramName, Store);
        if (bucket.StartsWith("goog", StringComparison.Ordinal))
        {
            throw BucketRules.Invalid(bucket, paramName, Store, "starts with \"goog\", which Google reserves");
        }

        if (bucket.Contains("google", StringComparison.Ordinal))
        {
            throw BucketRules.Invalid(bucket, paramName, Store, "contains \"google\", which Google reserves");
        }
    }

    private static void AssertLength(string bucket, string paramName)
    {
        if (!bucket.Contains('.', StringComparison.Ordinal))
        {
            if (bucket.Length is < 3 or > MaxPartLength)
            {
                throw BucketRules.Invalid(bucket, paramName, Store, $"is {bucket.Length} characters long; GCS bucket names are 3 to {MaxPartLength} characters (up to {MaxDottedLength} when they contain dots)");
            }

            return;
        }

        if (bucket.Length is < 3 or > MaxDottedLength)
        {
            throw BucketRules.Invalid(bucket, paramName, Store, $"is {bucket.Length} characters long; GCS bucket names with dots are 3 to {MaxDottedLength} characters");
        }

        foreach (var part in bucket.Split('.'))
        {
            if (part.Length > MaxPartLength)
            {
                throw BucketRules.Invalid(bucket, paramName, Store, $"has a dot-separated part {part.Length} characters long; each part is at most {MaxPartLength}");
            }
        }
    }

    // A user-managed account (name and project id: 6-30 characters, a lowercase letter first, no
    // trailing hyphen), the Compute Engine default account, or the App Engine default account.
    [GeneratedRegex(
        @"^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam|[^@\s\p{Cc}]+@developer|[a-z][a-z0-9-]{4,28}[a-z0-9]@appspot)\.gserviceaccount\.com\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex ServiceAccountPattern();
}
