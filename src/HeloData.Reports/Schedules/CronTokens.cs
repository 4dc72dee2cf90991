namespace HeloData.Reports;

/// <summary>
/// The values of standard 5-field cron: between the <c>,</c>, <c>-</c> and <c>/</c> of a field, only
/// numbers, <c>*</c>, and three-letter names in their own field (<c>JAN</c> in the month field,
/// <c>MON</c> in the day-of-week field). Cronos accepts more (Quartz's <c>L</c>, <c>W</c>, <c>#</c>
/// and <c>?</c>, and its own <c>H</c>), which the API's "standard 5-field cron" does not promise, so
/// this check runs first and names what the user was trying to write; Cronos then judges ranges.
/// </summary>
internal static class CronTokens
{
    /// <summary>The month names, January first.</summary>
    internal static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The day names, Sunday first (day 0).</summary>
    internal static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private const int MonthField = 3;

    private const int DayOfWeekField = 4;

    private static readonly string[] FieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];

    private static readonly char[] Separators = [',', '-', '/'];

    /// <summary>Explains the first value no field of standard cron may hold, or returns <see langword="null"/>.</summary>
    /// <param name="fields">The five fields, in order.</param>
    /// <param name="quoted">The whole expression, quoted for a message.</param>
    internal static string? Check(string[] fields, string quoted)
    {
        for (var field = 0; field < fields.Length; field++)
        {
            // Empty pieces ("1,,2") are left to Cronos, which judges how values are combined.
            foreach (var token in fields[field].Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (token != "*" && !token.All(char.IsAsciiDigit) && !IsName(token, field))
                {
                    return Explain(token, field, $"The schedule {quoted}");
                }
            }
        }

        return null;
    }

    /// <summary>Whether any value of <paramref name="field"/> is one of <paramref name="names"/>, in any case.</summary>
    /// <param name="field">One field of an expression.</param>
    /// <param name="names"><see cref="MonthNames"/> or <see cref="DayNames"/>.</param>
    internal static bool HasName(string field, string[] names) =>
        field.Split(Separators).Any(token => names.Contains(token, StringComparer.OrdinalIgnoreCase));

    private static string Explain(string token, int field, string schedule)
    {
        var (shown, upper) = (ValueText.Quote(token), token.ToUpperInvariant());
        var where = $"in the {FieldNames[field]} field";

        // Before the letters below: JUL holds an L and WED a W, yet they are names, only misplaced.
        if (IsName(token, MonthField) || IsName(token, DayOfWeekField))
        {
            var (kind, home) = IsName(token, MonthField) ? ("month", "month (4th)") : ("day", "day-of-week (5th)");
            return $"{schedule} has the {kind} name {shown} {where}; {kind} names belong in the {home} field.";
        }

        if (upper == "H" || upper.StartsWith("H(", StringComparison.Ordinal))
        {
            return $"{schedule} uses 'H' (a hashed, jittered value), which standard 5-field cron does not have; write an explicit value instead.";
        }

        if (Quartz(QuartzPart(upper, field), field) is { } meaning)
        {
            return $"{schedule} uses {shown} {where}. {meaning} is a Quartz cron extension; standard 5-field cron does not have it{(upper == "?" ? ": write * instead" : string.Empty)}.";
        }

        var allowed = field switch
        {
            MonthField => "a number, * or a month name (JAN to DEC)",
            DayOfWeekField => "a number, * or a day name (SUN to SAT)",
            _ => "a number or *",
        };
        return $"{schedule} has {shown} {where}, which is not {allowed}.";
    }

    private static bool IsName(string token, int field) => field switch
    {
        MonthField => MonthNames.Contains(token, StringComparer.OrdinalIgnoreCase),
        DayOfWeekField => DayNames.Contains(token, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };

    // What each extension means in Quartz, so the message says what the user was trying to write.
    // Only for a token made of Quartz's own characters after a weekday (5#3, FRI#3, 5L): "JULY"
    // holds an L, yet is a misspelt name.
    private static string? Quartz(string part, int field) => part switch
    {
        _ when part.Any(c => !char.IsAsciiDigit(c) && !"LW#?".Contains(c, StringComparison.Ordinal)) => null,
        "?" => "? (no specific value)",
        _ when part.Contains('#', StringComparison.Ordinal) => "# (the nth given weekday of the month, as in 5#3)",
        _ when part.Contains("LW", StringComparison.Ordinal) => "LW (the last weekday of the month)",
        _ when part.Contains('W', StringComparison.Ordinal) => "W (the weekday nearest a given day of the month)",
        _ when part.Contains('L', StringComparison.Ordinal) && field == DayOfWeekField => "L (the last given weekday of the month, as in 5L)",
        _ when part.Contains('L', StringComparison.Ordinal) => "L (the last day of the month)",
        _ => null,
    };

    // The weekday is cut off, so "WEDL" is read by its L alone.
    private static string QuartzPart(string upper, int field) =>
        field == DayOfWeekField && upper.Length > 3 && DayNames.Contains(upper[..3], StringComparer.Ordinal) ? upper[3..] : upper;
}
