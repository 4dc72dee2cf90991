using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HeloData.Reports.Generators.Rows;

/// <summary>
/// A diagnostic kept as plain values, so the model stays equatable and holds no syntax tree; turned
/// into a <see cref="Diagnostic"/> when reported.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan Lines, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        var lines = location?.GetLineSpan();
        return new DiagnosticInfo(
            descriptor.Id,
            lines?.Path ?? "",
            location?.SourceSpan ?? default,
            lines?.Span ?? default,
            new EquatableArray<string>(arguments.ToImmutableArray()));
    }

    public Diagnostic ToDiagnostic()
    {
        var location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, Lines);
        return Diagnostic.Create(RowDiagnostics.ById(Id), location, Arguments.Cast<object>().ToArray());
    }
}
