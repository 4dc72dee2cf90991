namespace HeloData.Reports.Models;

/// <summary>
/// One merge-patch field: <c>default</c> means "absent, leave unchanged", which plain nullable
/// properties cannot tell apart from "set to null".
/// </summary>
internal readonly struct PatchField<T>
{
    public PatchField(T? value, bool fromService = false)
    {
        IsSet = true;
        Value = value;
        FromService = fromService;
    }

    public bool IsSet { get; }

    public T? Value { get; }

    /// <summary>
    /// Whether the value was copied from a report the service returned (<c>ReportUpdate.FromReport</c>):
    /// the service accepted it once, so the client sends it back without judging it again.
    /// </summary>
    public bool FromService { get; }
}
