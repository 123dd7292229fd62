namespace Generator.Engine;

public sealed record EngineOptions
{
    /// Final output folder. Null runs every phase but Output and writes nothing (check mode).
    public string? OutputFolder { get; init; }

    public DateTimeOffset BuildTime { get; init; } = DateTimeOffset.UnixEpoch;

    public CancellationToken CancellationToken { get; init; }

    /// Runs over the complete staging folder after the Output phase and before the swap
    /// (a search indexer, a PDF renderer, say), given the folder and every pipeline's final
    /// documents: its diagnostics join the build's, and an error among them abandons the
    /// staging folder, so the output never holds half of such a step's work.
    public Func<string, IReadOnlyDictionary<string, IReadOnlyList<Document>>, CancellationToken, Task<IReadOnlyList<Diagnostic>>>? BeforeCommit { get; init; }

    /// A warning fails the build as an error does: nothing is written (`--warnings-as-errors`).
    public bool WarningsAsErrors { get; init; }

    /// A long-lived session (preview): the build re-runs only what the changes reach.
    public BuildSession? Session { get; init; }

    /// A fingerprint of everything the pipelines were made from that the engine does not
    /// see as documents (settings of the command line); a session drops its history when
    /// it differs from the last build's.
    public Fingerprint Configuration { get; init; }

    /// The cache of written files (<see cref="Engine.WrittenFiles"/>): the Output phase links each
    /// file an earlier build wrote instead of creating it. Null writes every file.
    public WrittenFiles? WrittenFiles { get; init; }

    /// Where a build without a <see cref="Session"/> finds the results of the last one and
    /// keeps its own (`build` with a cache): it then runs only what changed since. Null runs
    /// everything and keeps nothing.
    public ResultsFile? Results { get; init; }

    /// Set by the engine while it runs: the staging folder the Output phase writes into.
    internal string? StagingFolder { get; init; }

    /// Set by the engine while it runs: this build's use of <see cref="WrittenFiles"/>.
    internal WrittenFiles.Use? Written { get; init; }
}
