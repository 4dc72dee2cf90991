using System.Globalization;

namespace HeloData.Reports;

/// <summary>
/// Wire assumption, in one place: what an id must be to travel as one URL path segment. The contract's
/// list: not empty, at most <see cref="MaxLength"/> characters, no surrounding white space, no control
/// or invisible format character (a zero-width space), not <c>.</c> or <c>..</c>. An id the client
/// would refuse to send is also refused when the service hands it out, so a run the SDK started can
/// always be waited for.
/// </summary>
internal static class IdRules
{
    /// <summary>The longest id, in UTF-16 code units: generous (the service's are 16 characters), and a bound on what a URL carries.</summary>
    public const int MaxLength = 1024;

    /// <summary>Says what is wrong with an id, or returns <see langword="null"/> when it can be sent.</summary>
    /// <param name="id">The id; never <see langword="null"/>.</param>
    /// <returns>The problem, completing "The id … ", or <see langword="null"/>.</returns>
    public static string? FindProblem(string id)
    {
        if (id.Length == 0)
        {
            // "reports/" + "" is "reports/": the request would reach the list endpoint instead.
            return "is empty; an id is one URL path segment, and without one the request would address a different endpoint";
        }

        if (id.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {id.Length} characters long; ids are at most {MaxLength}");
        }

        if (char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]))
        {
            return "has leading or trailing white space, which ids the service issues never have";
        }

        if (id is "." or "..")
        {
            return "is a dot-segment: in a URL path \".\" and \"..\" collapse the path (\"reports/..\" becomes the parent), so the request would reach a different endpoint";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var category = char.GetUnicodeCategory(id, i);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate)
            {
                var kind = category switch
                {
                    UnicodeCategory.Control => "a control character",
                    UnicodeCategory.Format => "an invisible format character",
                    _ => "an unpaired surrogate",
                };
                return string.Create(CultureInfo.InvariantCulture, $"contains {kind} (U+{(int)id[i]:X4}) at index {i}, which ids the service issues never do");
            }

            if (char.IsHighSurrogate(id[i]))
            {
                i++; // A valid pair was classified as a whole; skip its low half.
            }
        }

        return null;
    }
}
