namespace HeloData.Reports.Serialization;

/// <summary>
/// One merge-patch field: <c>default</c> means "absent, leave unchanged", which plain nullable
/// properties cannot tell apart from "set to null".
/// </summary>
internal readonly struct PatchField<T>
{
    public PatchField(T? value)
    {
        IsSet = true;
        Value = value;
    }

    public bool IsSet { get; }

    public T? Value { get; }
}
