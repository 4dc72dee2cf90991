using System.Text.RegularExpressions;

namespace HeloData.Reports.Validation;

/// <summary>The bucket and prefix rules S3 and GCS share; each store adds its own in its rules class.</summary>
internal static partial class BucketRules
{
    /// <summary>Checks each character against the store's alphabet.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="paramName">The parameter path to blame.</param>
    /// <param name="store">The store, for the message: <c>S3</c> or <c>GCS</c>.</param>
    /// <param name="isAllowed">Whether a character is in the alphabet.</param>
    /// <param name="alphabet">The alphabet in words, for the message.</param>
    internal static void AssertCharacters(string bucket, string paramName, string store, Func<char, bool> isAllowed, string alphabet)
    {
        for (var i = 0; i < bucket.Length; i++)
        {
            if (!isAllowed(bucket[i]))
            {
                throw Invalid(bucket, paramName, store, $"contains {ValueText.Quote(bucket[i].ToString())} at index {i}; {store} bucket names use only {alphabet}");
            }
        }
    }

    /// <summary>Checks that the name starts and ends with a lowercase letter or digit, and is not an IPv4 address.</summary>
    /// <param name="bucket">The bucket name, already checked for length and alphabet.</param>
    /// <param name="paramName">The parameter path to blame.</param>
    /// <param name="store">The store, for the message: <c>S3</c> or <c>GCS</c>.</param>
    internal static void AssertShape(string bucket, string paramName, string store)
    {
        if (!IsLetterOrDigit(bucket[0]) || !IsLetterOrDigit(bucket[^1]))
        {
            throw Invalid(bucket, paramName, store, "must start and end with a lowercase letter or a digit");
        }

        if (IPv4Pattern().IsMatch(bucket))
        {
            throw Invalid(bucket, paramName, store, "looks like an IP address, which bucket names may not");
        }
    }

    /// <summary>Checks that an object prefix does not start with <c>/</c>.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <param name="paramName">The parameter path to blame.</param>
    /// <param name="store">The store, for the message: <c>S3</c> or <c>GCS</c>.</param>
    internal static void AssertPrefix(string prefix, string paramName, string store)
    {
        // A prefix is relative to the bucket: "/reports" makes keys that begin with a slash, which
        // show up as an unnamed top-level folder, not as "reports/".
        if (prefix.StartsWith('/'))
        {
            throw new ArgumentException($"The {store} prefix {ValueText.Quote(prefix)} starts with \"/\"; a prefix is relative to the bucket, so write {ValueText.Quote(prefix.TrimStart('/'))} instead.", paramName);
        }
    }

    /// <summary>The exception for a bucket name that breaks a rule.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="paramName">The parameter path to blame.</param>
    /// <param name="store">The store, for the message: <c>S3</c> or <c>GCS</c>.</param>
    /// <param name="reason">What is wrong, completing "The S3 bucket name "x" …".</param>
    internal static ArgumentException Invalid(string bucket, string paramName, string store, string reason) =>
        new($"The {store} bucket name {ValueText.Quote(bucket)} {reason}.", paramName);

    /// <summary>Whether a character is a lowercase ASCII letter or an ASCII digit.</summary>
    /// <param name="c">The character.</param>
    internal static bool IsLetterOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3}){3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IPv4Pattern();
}
