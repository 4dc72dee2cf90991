namespace HeloData.Reports.Generators;

/// <summary>What the generator needs to know about one marked struct.</summary>
/// <remarks>
/// Only strings, compared by value: the incremental pipeline caches on equality, and keeping no
/// symbol or syntax here keeps old compilations from being held in memory.
/// </remarks>
/// <param name="Namespace">The struct's namespace; empty for the global namespace.</param>
/// <param name="Name">The struct's name (top-level, not generic).</param>
/// <param name="Noun">How the docs name one value, with its article: "a report type".</param>
internal sealed record ExtensibleEnumModel(string Namespace, string Name, string Noun);
