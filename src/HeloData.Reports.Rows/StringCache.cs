namespace HeloData.Reports.Rows;

/// <summary>
/// Reuses the string of a short cell value already seen in the same read: ids, countries and units
/// repeat row after row, so a million-row artifact needs thousands of strings, not millions. A small
/// direct-mapped table; a collision only costs a fresh string. One per read, not thread-safe.
/// </summary>
internal sealed class StringCache
{
    private const int MaxLength = 64;
    private readonly string?[] _entries = new string?[512];

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (text.Length > MaxLength)
        {
            return new string(text);
        }

        var slot = (int)((uint)string.GetHashCode(text) % (uint)_entries.Length);
        var entry = _entries[slot];
        if (entry is not null && text.SequenceEqual(entry))
        {
            return entry;
        }

        return _entries[slot] = new string(text);
    }
}
