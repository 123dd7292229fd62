namespace Generator.Engine;

public sealed record EngineOptions
{
    /// Final output folder. Null runs every phase but Output and writes nothing (check mode).
    public string? OutputFolder { get; init; }

    public DateTimeOffset BuildTime { get; init; } = DateTimeOffset.UnixEpoch;

    public CancellationToken CancellationToken { get; init; }

    /// Set by the engine while it runs: the staging folder the Output phase writes into.
    internal string? StagingFolder { get; init; }
}
