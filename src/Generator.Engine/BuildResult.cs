namespace Generator.Engine;

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, IReadOnlyList<Document>> Outputs,
    TimeSpan Elapsed,
    IReadOnlyList<Exception> Bugs)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
