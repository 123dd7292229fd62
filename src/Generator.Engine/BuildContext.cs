using System.Collections.Concurrent;

namespace Generator.Engine;

/// What a module sees of the running build: where to write, how to report, and the
/// outputs of the pipelines its own pipeline depends on. In a session, everything a module
/// reads through the context (other pipelines' outputs, files, looked-up values) is
/// recorded as a dependency of the result being made, and its diagnostics are kept with it.
public sealed class BuildContext
{
    private readonly DiagnosticBag diagnostics;
    private readonly Func<string, Phase, IReadOnlyList<Document>> outputsOf;
    private readonly Recorder? recorder;
    private readonly BuildSession? session;
    private readonly (string, Phase, int) step;
    private readonly ConcurrentDictionary<(string, string, Phase, string?), object>? seen;
    private readonly FileReads files;

    internal BuildContext(
        Pipeline pipeline,
        Phase phase,
        EngineOptions options,
        DiagnosticBag diagnostics,
        Func<string, Phase, IReadOnlyList<Document>> outputsOf,
        ChangeSet changes,
        FileReads files,
        BuildSession? session = null,
        int module = 0,
        ConcurrentDictionary<(string, string, Phase, string?), object>? seen = null,
        Recorder? recorder = null)
    {
        Pipeline = pipeline;
        Phase = phase;
        Options = options;
        OutputFolder = options.StagingFolder ?? "";
        BuildTime = options.BuildTime;
        CancellationToken = options.CancellationToken;
        Changes = changes;
        this.files = files;
        this.diagnostics = diagnostics;
        this.outputsOf = outputsOf;
        this.session = session;
        step = (pipeline.Name, phase, module);
        this.seen = seen;
        this.recorder = recorder;
    }

    public Pipeline Pipeline { get; }

    public Phase Phase { get; }

    internal EngineOptions Options { get; }

    /// Absolute folder the Output phase writes into (a staging folder swapped in on success).
    public string OutputFolder { get; }

    /// This build's use of the written-files cache, in the Output phase; null without one.
    internal WrittenFiles.Use? Written => Options.Written;

    /// The build's clock: modules never read the machine's clock themselves.
    public DateTimeOffset BuildTime { get; }

    /// The build's date (UTC), what decides which dates are past: recorded as read, so a
    /// result kept from another day's build is made again, and one of the same day is not.
    public DateOnly Today
    {
        get
        {
            var today = DateOnly.FromDateTime(BuildTime.UtcDateTime);
            recorder?.Read(new Dependency.Today(today));
            return today;
        }
    }

    public CancellationToken CancellationToken { get; }

    /// The paths changed since the session's last build (everything without a session).
    public ChangeSet Changes { get; }

    /// Whether reads are being recorded (a session's build); modules may skip computing
    /// what only a recorded read needs.
    public bool Recording => recorder is not null;

    public bool HasErrors => diagnostics.HasErrors;

    public void Report(Diagnostic diagnostic)
    {
        if (recorder is not null)
            recorder.Report(diagnostic);
        else
            diagnostics.Add(diagnostic);
    }

    public void Error(string code, SourcePosition? at, string message) =>
        Report(new Diagnostic(code, Severity.Error, at, message));

    public void Note(string code, SourcePosition? at, string message) =>
        Report(new Diagnostic(code, Severity.Note, at, message));

    public void Warning(string code, SourcePosition? at, string message) =>
        Report(new Diagnostic(code, Severity.Warning, at, message));

    /// The documents of another pipeline. In Process that is its Process result (the
    /// pipeline must be a dependency); in PostProcess it is its PostProcess result when
    /// it is a dependency, otherwise its Process result, so the answer never depends on timing.
    public IReadOnlyList<Document> OutputsOf(string pipelineName)
    {
        var documents = outputsOf(pipelineName, Phase);
        recorder?.Read(new Dependency.Pipeline(pipelineName, Phase, null, new Seen(documents)));
        return documents;
    }

    /// The documents of another pipeline with only the metadata named in <paramref name="keys"/>
    /// (and no content): a step that reads this projection is re-run only when those keys
    /// of some document changed, not when a page's body did.
    public IReadOnlyList<Document> OutputsOf(string pipelineName, IReadOnlyList<string> keys)
    {
        var projection = Projection.Name(keys);
        var documents = Projection.All(outputsOf(pipelineName, Phase), keys, projection);
        recorder?.Read(new Dependency.Pipeline(pipelineName, Phase, projection, new Seen(documents)));
        return documents;
    }

    /// <paramref name="select"/> of each document of another pipeline, under a name that
    /// stands for the function (one name, one function): a step that reads this is re-run
    /// only when some document's selected value changed. The values should be records,
    /// tuples, strings or other values <see cref="Fingerprints"/> knows, and depend on the
    /// document alone: each is made once per document object and kept with it.
    public IReadOnlyList<T> OutputsOf<T>(string pipelineName, string selection, Func<Document, T> select)
    {
        // Within a build every result that asks gets the same array, so their reads are one
        // record (the recorder interns reads that saw the same object).
        var values = seen is null || recorder is null
            ? Selection.All(outputsOf(pipelineName, Phase), selection, select)
            : (T[])seen.GetOrAdd((Pipeline.Name, pipelineName, Phase, "\u0001" + selection), _ => Selection.All(outputsOf(pipelineName, Phase), selection, select));
        recorder?.Read(new Dependency.Selected(pipelineName, Phase, selection, docs => Selection.All(docs, selection, select), new Seen(values)));
        return values;
    }

    /// The values a recorded selection would have now.
    internal object Current(Dependency.Selected read) => read.Select(outputsOf(read.Pipe, read.Phase));

    /// Records that the result being made read <paramref name="path"/> (absolute) from disk,
    /// and, for a symbolic link, the file it leads to (the one an editor saves).
    public void DependOnFile(string path)
    {
        if (recorder is null)
            return;
        var full = Path.GetFullPath(path);
        recorder.Read(new Dependency.File(full));
        try
        {
            if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
                recorder.Read(new Dependency.File(Path.GetFullPath(target.FullName)));
        }
        catch (IOException)
        {
            // A broken link: the link's own path is recorded, and a new target shows there.
        }
    }

    /// What <paramref name="read"/> makes of the file at <paramref name="path"/> (absolute),
    /// recorded as a read of the file. <paramref name="reading"/> stands for the function (one
    /// name, one function, its settings included): the answer is made once per build and, in
    /// a session, kept until a change touches the file. A symbolic link is read each time, as
    /// a change names the file it leads to, never the link.
    public T ReadFile<T>(string path, string reading, Func<string, T> read)
    {
        var full = Path.GetFullPath(path);
        DependOnFile(full);
        return IsLink(full) ? read(full) : files.Get(reading, full, read);
    }

    private static bool IsLink(string file)
    {
        try
        {
            return new FileInfo(file).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// Records that the result being made listed and read files under <paramref name="folder"/>
    /// (absolute): any change below it, a new file included, makes the result stale.
    public void DependOnFolder(string folder) => recorder?.Read(new Dependency.Folder(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))));

    /// Records that the result being made read the value <paramref name="key"/> of its
    /// module's prepared state; the module looks it up again before a reuse.
    public void DependOn(string key, object? value) => recorder?.Read(new Dependency.Lookup(key, new Seen(value)));

    /// A memory of the current module kept for the whole session (a new one each build
    /// without a session): for <see cref="ISourceReader"/> modules, and for a step's prepared
    /// state that it can check is still right (a module object lives for one build only).
    public T Memory<T>() where T : class, new() => session?.Memory<T>(step) ?? new T();

    internal BuildContext WithRecorder(Recorder? with) =>
        new(Pipeline, Phase, Options, diagnostics, outputsOf, Changes, files, session, step.Item3, seen, with);

    internal BuildContext ForModule(int module, Recorder? with) =>
        new(Pipeline, Phase, Options, diagnostics, outputsOf, Changes, files, session, module, seen, with);

    /// The documents a recorded pipeline read would see now (the same list, in this build,
    /// for every result that asks: made once).
    internal IReadOnlyList<Document> Current(Dependency.Pipeline read) =>
        seen is null
            ? Read(read)
            : (IReadOnlyList<Document>)seen.GetOrAdd((Pipeline.Name, read.Pipe, read.Phase, read.Keys), _ => Read(read));

    private IReadOnlyList<Document> Read(Dependency.Pipeline read)
    {
        var documents = outputsOf(read.Pipe, read.Phase);
        if (read.Keys is null)
            return documents;
        return Projection.All(documents, read.Keys.Split('\0'), read.Keys);
    }
}
