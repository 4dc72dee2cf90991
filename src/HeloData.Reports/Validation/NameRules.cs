namespace HeloData.Reports.Validation;

/// <summary>The rules for a report's name.</summary>
internal static class NameRules
{
    /// <summary>
    /// The longest name accepted, in UTF-16 code units (<see cref="string.Length"/>).
    /// </summary>
    /// <remarks>
    /// An assumption: the published page sets no limit. 128 is far above any name in its examples
    /// (<c>weekly-traffic</c>), and low enough to fit the places a name typically ends up (email
    /// subjects, file names, dashboards). If the service allows longer names, raise it here: it is
    /// the one place the limit lives.
    /// </remarks>
    internal const int MaxNameLength = 128;

    /// <summary>Checks a report name: present, not blank, at most 128 characters, no control characters.</summary>
    /// <param name="name">The name.</param>
    /// <param name="paramName">The parameter path to blame, such as <c>report.Name</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> breaks a rule.</exception>
    internal static void AssertName(string? name, string paramName)
    {
        if (name is null)
        {
            throw new ArgumentNullException(paramName, "A report needs a name, such as \"weekly-traffic\".");
        }

        var quoted = ValueText.Quote(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"The report name {quoted} is empty or blank; a report needs a name, such as \"weekly-traffic\".", paramName);
        }

        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"The report name {quoted} is {name.Length} characters long; the most is {MaxNameLength}.", paramName);
        }

        if (ValueText.TryFindControl(name, out var control))
        {
            throw new ArgumentException($"The report name {quoted} contains {control}; a name must be printable text.", paramName);
        }
    }
}
