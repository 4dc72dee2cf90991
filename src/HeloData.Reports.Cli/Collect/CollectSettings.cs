namespace HeloData.Reports.Cli.Collect;

/// <summary>What <c>collect</c> was asked to do, every secret already read from where its option said.</summary>
internal sealed record CollectSettings
{
    public required ReportsClientOptions Client { get; init; }

    /// <summary>The directory sink's folder, absolute; <see langword="null"/> without <c>--out</c>.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>The table sink's connection string; <see langword="null"/> without <c>--postgres</c>.</summary>
    public string? PostgresSink { get; init; }

    /// <summary>The SQLite state file, absolute; <see langword="null"/> when the state is in PostgreSQL.</summary>
    public string? SqliteState { get; init; }

    /// <summary>The PostgreSQL state's connection string; <see langword="null"/> when the state is in SQLite.</summary>
    public string? PostgresState { get; init; }

    public IReadOnlyList<string> Reports { get; init; } = [];

    public TimeSpan? Since { get; init; }

    public TimeSpan? PollInterval { get; init; }

    public TimeSpan? GracePeriod { get; init; }

    public TimeSpan? ClaimLease { get; init; }

    /// <summary>
    /// The collector's clock: the real one, or with <c>--time-scale</c> the sandbox's. The API client keeps the real
    /// one either way (its timeouts and retry delays are real time).
    /// </summary>
    public required TimeProvider Clock { get; init; }

    public bool Backfill { get; init; }

    public string? InstanceName { get; init; }

    public bool Once { get; init; }

    /// <summary>Where the state is, fit to print (no password).</summary>
    public string StateText => SqliteState is { } path ? $"sqlite:{path}" : $"postgres:{ConnectionSource.Describe(PostgresState!)}";

    /// <summary>The sinks, in the order they take each run, fit to print.</summary>
    public IEnumerable<string> SinkTexts()
    {
        if (OutDirectory is { } folder)
        {
            yield return $"directory:{folder}";
        }

        if (PostgresSink is { } connectionString)
        {
            yield return $"postgresql:{ConnectionSource.Describe(connectionString)}";
        }
    }
}
