namespace Generator.Engine;

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, IReadOnlyList<Document>> Outputs,
    TimeSpan Elapsed,
    IReadOnlyList<Exception> Bugs)
{
    /// Each module's time, in the order the modules finished; `build --timings` prints them.
    public IReadOnlyList<ModuleTiming> Timings { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
