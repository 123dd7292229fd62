namespace Generator.Engine;

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, IReadOnlyList<Document>> Outputs,
    TimeSpan Elapsed,
    IReadOnlyList<Exception> Bugs)
{
    /// Each module's time, in the order the modules finished; `build --timings` prints them.
    public IReadOnlyList<ModuleTiming> Timings { get; init; } = [];

    /// The steps a session's build ran again, in path order (empty without a session).
    public IReadOnlyList<ModuleRun> Rerun { get; init; } = [];

    /// What the written-files cache did, when the build wrote output with one.
    public WrittenCounts? Written { get; init; }

    /// What the build did with the results earlier builds kept, when it had a results file.
    public ResultsUse? Results { get; init; }

    /// Whether warnings counted as errors in this build (`--warnings-as-errors`).
    public bool WarningsAsErrors { get; init; }

    /// No error (nor, with <see cref="WarningsAsErrors"/>, a warning): the output was written.
    public bool Succeeded => !Diagnostics.Any(d => d.IsError || WarningsAsErrors && d.IsWarning);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => d.IsWarning);

    public int NoteCount => Diagnostics.Count(d => d.Severity == Severity.Note);
}

/// Results read back from the results file (<see cref="ResultsFile"/>), results written to it, and the time it took to read it.
public sealed record ResultsUse(int Restored, int Kept, TimeSpan Reading);
