namespace HeloData.Reports;

/// <summary>The environment variables the options fall back to: the process's, or a test's stand-in.</summary>
internal sealed class EnvironmentSource(Func<string, string?> read)
{
    public static EnvironmentSource Process { get; } = new(Environment.GetEnvironmentVariable);

    public string? this[string name] => read(name);
}
