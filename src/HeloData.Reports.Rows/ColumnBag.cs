using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace HeloData.Reports.Rows;

/// <summary>
/// A row's unknown columns as a read-only dictionary: a view over the names the read shares and the
/// row's own values, so a row pays for one array, not for a dictionary. A <see langword="null"/> value
/// (an NDJSON key a line leaves out or sets to null) is not in it.
/// </summary>
internal sealed class ColumnBag(string[] names, string?[] values) : IReadOnlyDictionary<string, string>
{
    public int Count
    {
        get
        {
            var count = 0;
            for (var i = 0; i < values.Length; i++)
            {
                count += values[i] is null ? 0 : 1;
            }

            return count;
        }
    }

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<string> Values => this.Select(pair => pair.Value);

    public string this[string key] => TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"No additional column '{ValueText.Escape(key)}'; they are: {ValueText.Escape(string.Join(", ", Keys))}.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slot = Array.IndexOf(names, key);
        value = slot >= 0 && slot < values.Length ? values[slot] : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                yield return new KeyValuePair<string, string>(names[i], value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
