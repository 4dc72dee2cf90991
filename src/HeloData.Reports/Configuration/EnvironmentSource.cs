namespace HeloData.Reports;

/// <summary>
/// The environment variables <c>AddHeloReports</c> falls back to: the process's, none (a client built
/// in code), or a test's stand-in.
/// </summary>
internal sealed class EnvironmentSource(Func<string, string?> read)
{
    public static EnvironmentSource Process { get; } = new(Environment.GetEnvironmentVariable);

    public static EnvironmentSource None { get; } = new(static _ => null);

    public string? this[string name] => read(name);
}
