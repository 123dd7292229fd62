namespace Generator.Engine;

/// What a module sees of the running build: where to write, how to report, and the
/// outputs of the pipelines its own pipeline depends on.
public sealed class BuildContext
{
    private readonly DiagnosticBag diagnostics;
    private readonly Func<string, Phase, IReadOnlyList<Document>> outputsOf;

    internal BuildContext(
        Pipeline pipeline,
        Phase phase,
        EngineOptions options,
        DiagnosticBag diagnostics,
        Func<string, Phase, IReadOnlyList<Document>> outputsOf)
    {
        Pipeline = pipeline;
        Phase = phase;
        OutputFolder = options.StagingFolder ?? "";
        BuildTime = options.BuildTime;
        CancellationToken = options.CancellationToken;
        this.diagnostics = diagnostics;
        this.outputsOf = outputsOf;
    }

    public Pipeline Pipeline { get; }

    public Phase Phase { get; }

    /// Absolute folder the Output phase writes into (a staging folder swapped in on success).
    public string OutputFolder { get; }

    /// The build's clock: modules never read the machine's clock themselves.
    public DateTimeOffset BuildTime { get; }

    public CancellationToken CancellationToken { get; }

    public bool HasErrors => diagnostics.HasErrors;

    public void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    public void Error(string code, SourcePosition? at, string message) =>
        diagnostics.Add(new Diagnostic(code, Severity.Error, at, message));

    public void Note(string code, SourcePosition? at, string message) =>
        diagnostics.Add(new Diagnostic(code, Severity.Note, at, message));

    public void Warning(string code, SourcePosition? at, string message) =>
        diagnostics.Add(new Diagnostic(code, Severity.Warning, at, message));

    /// The documents of another pipeline. In Process that is its Process result (the
    /// pipeline must be a dependency); in PostProcess it is its PostProcess result when
    /// it is a dependency, otherwise its Process result, so the answer never depends on timing.
    public IReadOnlyList<Document> OutputsOf(string pipelineName) => outputsOf(pipelineName, Phase);
}
