using System.Globalization;
using System.Text;

namespace HeloData.Reports;

/// <summary>How validation messages show the values they reject.</summary>
internal static class ValueText
{
    // Long enough for any sensible value; a pasted megabyte should not become a megabyte of log line.
    private const int MaxShownLength = 200;

    // A service's error message is prose, so it gets more room than a quoted value; still bounded.
    private const int MaxServiceTextLength = 1000;

    /// <summary>
    /// Quotes a value for an exception message. Control characters are escaped (<c>\n</c> shows
    /// as <c>\u000a</c>), so the message stays on one line and shows exactly what was wrong.
    /// </summary>
    /// <param name="value">The value to show. Never a secret.</param>
    /// <returns>The value in double quotes, cut after 200 characters.</returns>
    internal static string Quote(string value)
    {
        var shown = Math.Min(value.Length, MaxShownLength);
        if (shown < value.Length && char.IsHighSurrogate(value[shown - 1]))
        {
            shown--;
        }

        var text = new StringBuilder(shown + 16).Append('"');
        foreach (var c in value.AsSpan(0, shown))
        {
            if (c == '"' || c == '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (BreaksLines(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
        return shown == value.Length
            ? text.ToString()
            : text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)").ToString();
    }

    /// <summary>
    /// Makes text from the service (an error message, an id) safe for an exception message: control
    /// characters are escaped as in <see cref="Quote"/>, so a hostile or careless answer cannot break a
    /// log line in two, and the text is cut after <see cref="MaxServiceTextLength"/> characters.
    /// </summary>
    /// <param name="value">The text; <see langword="null"/> gives an empty string.</param>
    /// <returns>The text, unquoted, on one line.</returns>
    internal static string Escape(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var shown = Math.Min(value.Length, MaxServiceTextLength);
        if (shown < value.Length && char.IsHighSurrogate(value[shown - 1]))
        {
            shown--;
        }

        var span = value.AsSpan(0, shown);
        if (shown == value.Length && span.IndexOfAny(LineBreaking) < 0)
        {
            return value;
        }

        var text = new StringBuilder(shown + 16);
        foreach (var c in span)
        {
            if (BreaksLines(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return shown == value.Length
            ? text.ToString()
            : text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)").ToString();
    }

    // Control characters, and the two Unicode separators some log viewers and terminals break lines at.
    private static readonly System.Buffers.SearchValues<char> LineBreaking = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7f, 0x21).Select(i => (char)i), '\u2028', '\u2029']);

    private static bool BreaksLines(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>Describes the first control character in <paramref name="value"/>, if any.</summary>
    /// <param name="value">The value to search.</param>
    /// <param name="description">Such as <c>a control character (U+000A) at index 3</c>.</param>
    /// <returns><see langword="true"/> when the value contains a control character.</returns>
    internal static bool TryFindControl(string value, out string description)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                description = string.Create(CultureInfo.InvariantCulture, $"a control character (U+{(int)value[i]:X4}) at index {i}");
                return true;
            }
        }

        description = string.Empty;
        return false;
    }
}
