using System.Collections.Concurrent;
using System.Diagnostics;

namespace Generator.Engine;

/// Runs pipelines phase by phase: Input and Process of independent pipelines concurrently
/// (each after its dependencies' Process), then PostProcess the same way once every Process
/// is done, then Output into a staging folder that replaces the output only on success.
public sealed class Engine(IReadOnlyList<Pipeline> pipelines)
{
    public Task<BuildResult> RunAsync(EngineOptions options, IEnumerable<Diagnostic>? earlier = null) =>
        RunAsync(options, ChangeSet.Everything, earlier);

    /// A build that takes <paramref name="changes"/> into account: with a session
    /// (<see cref="EngineOptions.Session"/>), only the steps those changes reach run again.
    public async Task<BuildResult> RunAsync(EngineOptions options, ChangeSet changes, IEnumerable<Diagnostic>? earlier = null)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(earlier ?? []);
        var bugs = new ConcurrentQueue<Exception>();

        if (options.OutputFolder is not null)
            RecoverOutput(options.OutputFolder, diagnostics);

        var graphProblems = PipelineGraph.Problems(pipelines);
        if (graphProblems.Count > 0)
        {
            foreach (var problem in graphProblems)
                diagnostics.Add(new Diagnostic(EngineCodes.PipelineGraph, Severity.Error, null, problem));
            return new BuildResult(diagnostics.Sorted(), new Dictionary<string, IReadOnlyList<Document>>(), clock.Elapsed, []);
        }

        var started = DateTimeOffset.UtcNow;
        var restored = options.Session is null && options.Results is { } results ? Restore(results, options, diagnostics) : null;
        var restoredResults = restored?.Session.Runs > 0 ? restored.Session.DocumentSteps().Sum(s => s.Memory.ByIdentity.Count) : 0;
        var restoring = clock.Elapsed;
        if (restored is not null)
        {
            options = options with { Session = restored.Session };
            changes = restored.Changes;
        }

        var effective = options.Session?.Begin(changes, options.Configuration) ?? ChangeSet.Everything;
        var run = new Run(pipelines, options, diagnostics, bugs, effective);
        if (restored is not null)
            run.Timings.Enqueue(new ModuleTiming("(results)", Phase.Input, "ReadResults", restoring));
        await run.PhaseAsync(Phase.Process).ConfigureAwait(false);
        await run.PhaseAsync(Phase.PostProcess).ConfigureAwait(false);
        ReportDuplicateDestinations(run.Final, diagnostics, options.Session);

        WrittenCounts? written = null;
        if (options.OutputFolder is not null && !Fails(diagnostics, options))
            written = await WriteAsync(run, options, diagnostics).ConfigureAwait(false);

        if (bugs.IsEmpty && !options.CancellationToken.IsCancellationRequested)
        {
            options.Session?.Finish();
            if (restored is not null)
                Keep(options.Results!, options.Session!, run, started, diagnostics);
        }

        return new BuildResult(diagnostics.Sorted(), run.Final, clock.Elapsed, [.. bugs])
        {
            Timings = [.. run.Timings],
            WarningsAsErrors = options.WarningsAsErrors,
            Rerun = [.. run.Rerun.OrderBy(r => r.ToString(), StringComparer.Ordinal)],
            Written = written,
            Results = restored is null ? null : new ResultsUse(restoredResults, options.Results!.LastKept, restoring),
        };
    }

    /// The session of the results an earlier build kept, or a new one that will keep this build's.
    private ResultsFile.Loaded Restore(ResultsFile results, EngineOptions options, DiagnosticBag diagnostics)
    {
        var loaded = results.Load(options.Configuration, pipelines);
        if (loaded.Problem is { } problem)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.CacheUnusable, Severity.Warning, null,
                $"the build cache's results file '{results.FileFor(options.Configuration)}' was not used: {problem}; this build made every page again and wrote a new one"));
        }

        return loaded;
    }

    private void Keep(ResultsFile results, BuildSession session, Run run, DateTimeOffset started, DiagnosticBag diagnostics)
    {
        var began = Stopwatch.GetTimestamp();
        string? problem;
        try
        {
            problem = results.Save(session, pipelines, run.OutputsFor, started);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, after the output was written: the next build makes every page again.
            problem = $"internal error: {e.GetType().Name}: {e.Message}";
        }

        if (problem is not null)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.CacheUnusable, Severity.Warning, null,
                $"the build cache's results cannot be written to '{results.Folder}': {problem}; the next build will make every page again (pass --cache-dir a writable folder, or --no-cache)"));
        }

        run.Timings.Enqueue(new ModuleTiming("(results)", Phase.Output, "KeepResults", Stopwatch.GetElapsedTime(began)));
    }

    private static bool Fails(DiagnosticBag diagnostics, EngineOptions options) =>
        diagnostics.HasErrors || options.WarningsAsErrors && diagnostics.HasWarnings;

    /// A killed build may have left the output set aside; it comes back even if this build fails.
    private static void RecoverOutput(string outputFolder, DiagnosticBag diagnostics)
    {
        try
        {
            StagedOutput.Recover(outputFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.OutputWrite, Severity.Error, null,
                $"cannot prepare the output folder '{outputFolder}': {e.Message}"));
        }
    }

    private async Task<WrittenCounts?> WriteAsync(Run run, EngineOptions options, DiagnosticBag diagnostics)
    {
        StagedOutput staged;
        try
        {
            staged = StagedOutput.Prepare(options.OutputFolder!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.OutputWrite, Severity.Error, null,
                $"cannot prepare the output folder '{options.OutputFolder}': {e.Message}"));
            return null;
        }

        var written = options.WrittenFiles?.Begin(staged.StagingFolder);
        await run.OutputAsync(options with { StagingFolder = staged.StagingFolder, Written = written }).ConfigureAwait(false);
        if (written?.Problem is { } problem)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.CacheUnusable, Severity.Warning, null,
                $"the cache of written files cannot be used: {problem}; {written.Counts.Direct} {(written.Counts.Direct == 1 ? "file was" : "files were")} written without it (pass --cache-dir a writable folder, or --no-cache)"));
        }

        if (!Fails(diagnostics, options) && options.BeforeCommit is { } step)
        {
            var started = Stopwatch.GetTimestamp();
            await BeforeCommitAsync(step, staged.StagingFolder, run.Final, options.CancellationToken, diagnostics).ConfigureAwait(false);
            run.Timings.Enqueue(new ModuleTiming("(output)", Phase.Output, nameof(EngineOptions.BeforeCommit), Stopwatch.GetElapsedTime(started)));
        }
        try
        {
            if (Fails(diagnostics, options))
            {
                staged.Abandon();
            }
            else
            {
                staged.Commit();
                written?.Prune();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.OutputWrite, Severity.Error, null,
                $"cannot replace the output folder '{staged.OutputFolder}': {e.Message}"));
        }

        return written?.Counts;
    }

    private static async Task BeforeCommitAsync(
        Func<string, IReadOnlyDictionary<string, IReadOnlyList<Document>>, CancellationToken, Task<IReadOnlyList<Diagnostic>>> step,
        string stagingFolder, IReadOnlyDictionary<string, IReadOnlyList<Document>> outputs, CancellationToken cancel, DiagnosticBag diagnostics)
    {
        try
        {
            diagnostics.AddRange(await step(stagingFolder, outputs, cancel).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.InternalError, Severity.Error, null,
                $"internal error after writing the output: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// Two documents writing the same file would silently lose one; hosts are often
    /// case-insensitive, so paths that differ only in case collide too (names in decomposed
    /// Unicode are the site's CheckFileNames concern: this build has no ICU to normalize). A file where another
    /// document needs a folder (en/feed.xml and en/feed.xml/index.html) collides as well:
    /// found here, before output, `check` reports what `build` would fail on.
    /// In a session the check is made again only when some document's source or destination changed.
    private static void ReportDuplicateDestinations(
        IReadOnlyDictionary<string, IReadOnlyList<Document>> outputs, DiagnosticBag diagnostics, BuildSession? session)
    {
        var all = outputs.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value).ToList();
        var memory = session?.Memory<DestinationsMemory>(("", Phase.Output, -1));
        if (memory is not null && SamePlaces(memory.Documents, all))
        {
            memory.Documents = all;
            diagnostics.AddRange(memory.Diagnostics);
            return;
        }

        var found = new DiagnosticBag();
        ReportDuplicateDestinations(all, found);
        var reported = found.Sorted();
        if (memory is not null)
        {
            memory.Documents = all;
            memory.Diagnostics = reported;
        }

        diagnostics.AddRange(reported);
    }

    private static bool SamePlaces(IReadOnlyList<Document> before, IReadOnlyList<Document> now)
    {
        if (before.Count != now.Count)
            return false;
        for (var i = 0; i < now.Count; i++)
        {
            if (!ReferenceEquals(before[i], now[i]) && (before[i].Source != now[i].Source || before[i].Destination != now[i].Destination))
                return false;
        }

        return true;
    }

    private static void ReportDuplicateDestinations(IReadOnlyList<Document> all, DiagnosticBag diagnostics)
    {
        var written = all
            .Where(d => d.Destination.Length > 0)
            .OrderBy(d => d.Source is null ? 0 : 1)
            .ThenBy(d => d.Source ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Destination, StringComparer.Ordinal)
            .ToList();
        // Case-insensitively (hosts may ignore case): OrdinalIgnoreCase folds as ToUpperInvariant
        // does, without a folded copy of every path and of every folder above it.
        var files = new Dictionary<string, Document>(StringComparer.OrdinalIgnoreCase);
        foreach (var doc in written)
        {
            if (files.TryGetValue(doc.Destination, out var first))
            {
                diagnostics.Add(new Diagnostic(EngineCodes.DuplicateDestination, Severity.Error, doc.At(),
                    $"writes '{doc.Destination}', which {first.Source ?? "a generated page"} also writes" +
                    (first.Destination == doc.Destination ? "" : $" as '{first.Destination}' (hosts may ignore case)") +
                    "; rename one of them or set a different translation_key"));
                continue;
            }

            files[doc.Destination] = doc;
        }

        var asFile = files.GetAlternateLookup<ReadOnlySpan<char>>();
        // The folders no file is written as: most files share their folders (a photo's
        // derivatives, 12 in one folder), which are then looked up once.
        var plainFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var doc in files.Values)
        {
            var destination = doc.Destination.AsSpan();
            for (var slash = destination.IndexOf('/'); slash > 0; slash = NextSlash(destination, slash))
            {
                var folder = destination[..slash];
                if (plainFolders.Contains(folder))
                    continue;
                if (!asFile.TryGetValue(folder, out var file))
                {
                    plainFolders.Add(folder);
                    continue;
                }

                // At the content file: a generated feed or home page has no source to point
                // at. When both have one, both are told, as either may be the one to rename.
                if (doc.Source is not null)
                {
                    diagnostics.Add(new Diagnostic(EngineCodes.DuplicateDestination, Severity.Error, doc.At(),
                        $"writes '{doc.Destination}', which needs a folder '{folder}' where {file.Source ?? "a generated file"} writes the file '{file.Destination}'; rename one of them"));
                }

                if (file.Source is not null)
                {
                    diagnostics.Add(new Diagnostic(EngineCodes.DuplicateDestination, Severity.Error, file.At(),
                        $"writes the file '{file.Destination}' where {doc.Source ?? "a generated page"} needs a folder (it writes '{doc.Destination}'); rename one of them"));
                }

                break;
            }
        }
    }

    private static int NextSlash(ReadOnlySpan<char> path, int slash) =>
        path[(slash + 1)..].IndexOf('/') is >= 0 and var next ? slash + 1 + next : -1;

    private sealed class Run
    {
        private readonly IReadOnlyList<Pipeline> pipelines;
        private readonly Dictionary<string, Pipeline> byName;

        // Asked by every read of another pipeline's outputs (once per page and module): the
        // graph's answer is kept, not walked again each time.
        private readonly ConcurrentDictionary<(string From, string To), bool> dependsOn = new();
        private readonly EngineOptions options;
        private readonly DiagnosticBag diagnostics;
        private readonly ConcurrentQueue<Exception> bugs;
        private readonly ConcurrentDictionary<string, IReadOnlyList<Document>> processed = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, IReadOnlyList<Document>> postProcessed = new(StringComparer.Ordinal);
        private readonly BuildSession? session;
        private readonly ChangeSet changes;
        private readonly ConcurrentDictionary<(string, string, Phase, string?), object>? seen;
        private readonly FileReads files;

        public ConcurrentQueue<ModuleTiming> Timings { get; } = new();

        /// The steps a session ran again (the rest were reused).
        public ConcurrentQueue<ModuleRun> Rerun { get; } = new();

        public Run(IReadOnlyList<Pipeline> pipelines, EngineOptions options, DiagnosticBag diagnostics, ConcurrentQueue<Exception> bugs, ChangeSet changes)
        {
            session = options.Session;
            this.changes = changes;
            seen = session is null ? null : new();
            files = session?.Files ?? new FileReads();
            this.pipelines = pipelines;
            byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
            this.options = options;
            this.diagnostics = diagnostics;
            this.bugs = bugs;
        }

        public IReadOnlyDictionary<string, IReadOnlyList<Document>> Final =>
            pipelines.ToDictionary(p => p.Name, p => postProcessed.GetValueOrDefault(p.Name) ?? [], StringComparer.Ordinal);

        /// Runs Process (with Input before it) or PostProcess of every pipeline, each as soon
        /// as its dependencies have finished the same phase.
        public async Task PhaseAsync(Phase phase)
        {
            var tasks = new Dictionary<string, Task>(StringComparer.Ordinal);
            Task Start(Pipeline pipeline)
            {
                if (tasks.TryGetValue(pipeline.Name, out var existing))
                    return existing;
                var dependencies = pipeline.Dependencies.Select(d => Start(byName[d])).ToArray();
                var task = Task.Run(async () =>
                {
                    await Task.WhenAll(dependencies).ConfigureAwait(false);
                    if (phase == Phase.Process)
                    {
                        var read = await ModulesAsync(pipeline, Phase.Input, []).ConfigureAwait(false);
                        processed[pipeline.Name] = await ModulesAsync(pipeline, Phase.Process, read).ConfigureAwait(false);
                    }
                    else
                    {
                        postProcessed[pipeline.Name] = await ModulesAsync(
                            pipeline, Phase.PostProcess, processed.GetValueOrDefault(pipeline.Name) ?? []).ConfigureAwait(false);
                    }
                });
                tasks[pipeline.Name] = task;
                return task;
            }

            foreach (var pipeline in pipelines)
                _ = Start(pipeline);
            await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        }

        public Task OutputAsync(EngineOptions staged) =>
            Task.WhenAll(pipelines.Select(p => Task.Run(() =>
                ModulesAsync(p, Phase.Output, postProcessed.GetValueOrDefault(p.Name) ?? [], staged))));

        private async Task<IReadOnlyList<Document>> ModulesAsync(
            Pipeline pipeline, Phase phase, IReadOnlyList<Document> documents, EngineOptions? phaseOptions = null)
        {
            var context = new BuildContext(pipeline, phase, phaseOptions ?? options, diagnostics,
                (name, askingPhase) => OutputsOf(pipeline, name, askingPhase), changes, files, session, 0, seen);
            var modules = pipeline.ModulesOf(phase);
            for (var index = 0; index < modules.Count; index++)
            {
                var module = modules[index];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var moduleContext = context.ForModule(index, null);
                    documents = module is IReadsKeys reads ? await ProjectedAsync(reads, documents, moduleContext).ConfigureAwait(false)
                        : session is null || phase == Phase.Output
                        ? await module.ExecuteAsync(documents, moduleContext).ConfigureAwait(false)
                        : module switch
                        {
                            ISourceReader => await module.ExecuteAsync(documents, moduleContext).ConfigureAwait(false),
                            IDocumentStep step => EachDocument(step, module, documents, moduleContext),
                            _ => await WholeListAsync(module, documents, moduleContext).ConfigureAwait(false),
                        };
                    Timings.Enqueue(new ModuleTiming(pipeline.Name, phase, module.GetType().Name, Stopwatch.GetElapsedTime(started)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A module that throws has a bug; the build reports it and carries on
                    // with the other pipelines so every content problem is still listed.
                    bugs.Enqueue(e);
                    diagnostics.Add(new Diagnostic(EngineCodes.InternalError, Severity.Error, null,
                        $"internal error in pipeline '{pipeline.Name}', module {module.GetType().Name} ({phase}): {e.GetType().Name}: {e.Message}"));
                    return [];
                }
            }

            return documents;
        }

        /// A whole-list module runs again when its inputs' fingerprint or something it read changed.
        private async Task<IReadOnlyList<Document>> WholeListAsync(IModule module, IReadOnlyList<Document> inputs, BuildContext context)
        {
            var memory = context.Memory<ListMemory>();
            if (Reusable(memory, inputs, context))
                return memory.Outputs;

            var recorder = new Recorder();
            var outputs = Settle(memory.Outputs, await module.ExecuteAsync(inputs, context.WithRecorder(recorder)).ConfigureAwait(false));
            memory.Outputs = outputs;
            Keep(memory, inputs, recorder, module, context);
            return outputs;
        }

        /// Early cut-off: an output equal (by fingerprint) to the last run's output of the same
        /// identity is replaced by that earlier object, and a list that comes out the same is the
        /// earlier list, so the steps after see the very objects they saw and reuse their results.
        private static IReadOnlyList<Document> Settle(IReadOnlyList<Document> last, IReadOnlyList<Document> outputs)
        {
            if (last.Count == 0 || outputs.Count == 0)
                return outputs;
            if (SettleInPlace(last, outputs) is { } aligned)
                return aligned;
            var earlier = new Dictionary<string, Document>(last.Count, StringComparer.Ordinal);
            foreach (var doc in last)
                earlier.TryAdd(Projection.Identity(doc), doc);
            var settled = new Document[outputs.Count];
            var same = outputs.Count == last.Count;
            for (var i = 0; i < outputs.Count; i++)
            {
                var output = outputs[i];
                if (earlier.TryGetValue(Projection.Identity(output), out var before) && Fingerprints.Same(before, output))
                    output = before;
                settled[i] = output;
                same = same && ReferenceEquals(output, last[i]);
            }

            return same ? last : settled;
        }

        /// <see cref="Settle"/> for outputs in the places of the last ones (what a save makes:
        /// the same pages, one or two of them new objects), without indexing every page; null
        /// when a place holds another document than last time.
        private static IReadOnlyList<Document>? SettleInPlace(IReadOnlyList<Document> last, IReadOnlyList<Document> outputs)
        {
            if (last.Count != outputs.Count)
                return null;
            Document[]? settled = null;
            for (var i = 0; i < outputs.Count; i++)
            {
                var output = outputs[i];
                if (ReferenceEquals(output, last[i]))
                    continue;
                if (output.Source != last[i].Source || output.Destination != last[i].Destination)
                    return null;
                if (!Fingerprints.Same(last[i], output))
                {
                    settled ??= [.. last];
                    settled[i] = output;
                }
                else if (settled is not null)
                {
                    settled[i] = last[i];
                }
            }

            return settled is null ? last : settled;
        }

        /// Whether a whole-list result can be used again: the same input and unchanged reads
        /// (its diagnostics are then reported again).
        private bool Reusable(ListResult memory, IReadOnlyList<Document> inputs, BuildContext context)
        {
            if (memory.Input is not { } seenInput || !seenInput.Matches(inputs) || !AllValid(memory.Reads, context, null, null, null))
                return false;
            diagnostics.AddRange(memory.Diagnostics);
            return true;
        }

        private void Keep(ListResult memory, IReadOnlyList<Document> inputs, Recorder recorder, IModule module, BuildContext context)
        {
            memory.Input = new Seen(inputs);
            memory.Diagnostics = recorder.Diagnostics;
            memory.Reads = recorder.Reads;
            diagnostics.AddRange(memory.Diagnostics);
            Rerun.Enqueue(new ModuleRun(context.Pipeline.Name, context.Phase, module.GetType().Name, null));
        }

        /// A module that reads declared keys sees only those; in a session it runs again only
        /// when they changed, and an input it left as before keeps its earlier output object.
        private async Task<IReadOnlyList<Document>> ProjectedAsync(IReadsKeys module, IReadOnlyList<Document> inputs, BuildContext context)
        {
            var keys = module.Reads;
            var name = Projection.Name(keys);
            var projected = Projection.All(inputs, keys, name);
            var memory = context.Memory<ProjectedMemory>();
            IReadOnlyList<Projection.Step> plan;
            if (session is not null && Reusable(memory, projected, context))
            {
                plan = memory.Plan;
            }
            else
            {
                var recorder = session is null ? null : new Recorder();
                var outputs = await module.ExecuteAsync(projected, context.WithRecorder(recorder)).ConfigureAwait(false);
                plan = Projection.Plan(projected, outputs);
                if (recorder is not null)
                {
                    memory.Plan = plan;
                    Keep(memory, projected, recorder, module, context);
                }
            }

            if (session is not null && ReferenceEquals(plan, memory.Applied) && InPlace(memory, inputs) is { } same)
                return same;

            var byIdentity = new Dictionary<string, int>(inputs.Count, StringComparer.Ordinal);
            for (var i = 0; i < inputs.Count; i++)
                byIdentity[Projection.Identity(inputs[i])] = i;
            var before = new Dictionary<string, (Document Input, Projection.Step Step, Document Output)>(memory.Made.Length, StringComparer.Ordinal);
            for (var j = 0; j < memory.Made.Length; j++)
            {
                if (memory.Positions[j] >= 0)
                    before[memory.Applied[j].Identity!] = (memory.Inputs[memory.Positions[j]], memory.Applied[j], memory.Made[j]);
            }

            var made = new Document[plan.Count];
            var positions = new int[plan.Count];
            for (var j = 0; j < plan.Count; j++)
            {
                var step = plan[j];
                if (step.Made is { } document)
                {
                    made[j] = document;
                    positions[j] = -1;
                    continue;
                }

                var at = byIdentity[step.Identity!];
                var input = inputs[at];
                positions[j] = at;
                made[j] = before.TryGetValue(step.Identity!, out var last) && ReferenceEquals(last.Input, input) && Projection.SameChanges(last.Step, step)
                    ? last.Output
                    : step.Set.IsEmpty ? input : input.With(step.Set);
            }

            if (session is not null)
            {
                memory.Inputs = inputs;
                memory.Applied = plan;
                memory.Positions = positions;
                memory.Made = made;
            }

            return made;
        }

        /// The reused plan applied to inputs in the places of the last build's (a save: the
        /// same documents, some of them new objects): only an input that is a new object is
        /// changed again, with no table of every document. Null when the places differ.
        private static IReadOnlyList<Document>? InPlace(ProjectedMemory memory, IReadOnlyList<Document> inputs)
        {
            var last = memory.Inputs;
            if (last.Count != inputs.Count)
                return null;
            var moved = false;
            for (var i = 0; i < inputs.Count; i++)
            {
                if (!ReferenceEquals(last[i], inputs[i]))
                {
                    if (last[i].Source != inputs[i].Source || last[i].Destination != inputs[i].Destination)
                        return null;
                    moved = true;
                }
            }

            if (!moved)
                return memory.Made;
            var made = memory.Made.ToArray();
            for (var j = 0; j < made.Length; j++)
            {
                var at = memory.Positions[j];
                if (at < 0 || ReferenceEquals(last[at], inputs[at]))
                    continue;
                var step = memory.Applied[j];
                made[j] = step.Set.IsEmpty ? inputs[at] : inputs[at].With(step.Set);
            }

            memory.Inputs = inputs;
            memory.Made = made;
            return made;
        }

        /// A per-document module runs only for the documents whose fingerprint or reads changed.
        /// What each result read is indexed by the read (<see cref="DocumentMemory.Readers"/>),
        /// so a build checks each distinct read once, not every page's reads; and when the
        /// list has the same documents in the same places as last time (a save), a page is
        /// matched to its last result by position, so an unchanged page costs a comparison.
        private IReadOnlyList<Document> EachDocument(IDocumentStep step, IModule module, IReadOnlyList<Document> inputs, BuildContext context)
        {
            var memory = context.Memory<DocumentMemory>();
            var state = Prepare(step, memory, inputs, context);
            // Filled by Stale alone, on this thread: a lock-free table sized for every read.
            var lookups = new Dictionary<string, object?>(memory.Readers.Count, StringComparer.Ordinal);
            var results = new DocumentResult?[inputs.Count];
            var identities = SameShape(memory, inputs) ? memory.Identities : Identities(inputs);
            memory.ForgetAllBut(identities);
            var stale = Stale(memory, context, step, state, lookups);

            var aligned = ReferenceEquals(identities, memory.Identities) ? memory.Results : null;
            var run = new List<int>();
            var kept = new List<int>();
            var changed = new List<int>();
            for (var i = 0; i < inputs.Count; i++)
            {
                var doc = inputs[i];
                var known = aligned is not null ? aligned[i] : memory.ByIdentity.GetValueOrDefault(identities[i]);
                if (known is not null && (stale.Count == 0 || !stale.Contains(identities[i])) && known.Input.Matches(doc))
                {
                    if (ReferenceEquals(known.Input.Value, doc))
                    {
                        results[i] = known;
                        if (aligned is null)
                            changed.Add(i);
                        continue;
                    }

                    if (known.Kept is not null)
                        kept.Add(i);
                    results[i] = known.Kept is null ? known with { Input = new Seen(doc) } : known;
                    changed.Add(i);
                }
                else
                {
                    run.Add(i);
                    changed.Add(i);
                }
            }

            // Results read back from the results file: their outputs are made from the inputs.
            Parallel.For(0, kept.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, n =>
            {
                var i = kept[n];
                var known = results[i]!;
                results[i] = new DocumentResult(new Seen(inputs[i]), known.Kept!.Apply(inputs[i]), known.Diagnostics, known.Reads) { Stored = known.Stored };
            });

            var name = module.GetType().Name;
            Parallel.For(0, run.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, n =>
            {
                var i = run[n];
                var doc = inputs[i];
                var recorder = new Recorder(memory.Interned);
                var output = step.Execute(doc, state, context.WithRecorder(recorder));
                // Early cut-off: the same outputs as last time are the earlier objects.
                if (output.Count > 0 && memory.ByIdentity.GetValueOrDefault(identities[i])?.Outputs is { } before
                    && !ReferenceEquals(before, output) && Fingerprints.SameItems(before, output))
                    output = before;
                results[i] = new DocumentResult(new Seen(doc), output, recorder.Diagnostics, recorder.Reads);
                Rerun.Enqueue(new ModuleRun(context.Pipeline.Name, context.Phase, name, doc.Destination.Length > 0 ? doc.Destination : doc.Source));
            });

            var unchanged = changed.Count == 0;
            var oneShot = session!.OneShot;
            var readBack = oneShot && kept.Count > 0 ? new HashSet<int>(kept) : null;
            foreach (var i in changed)
            {
                // A result read back stays as it was read (its outputs are the file's, its
                // documents free to go): all a results file needs of it.
                if (readBack is not null && readBack.Contains(i))
                    memory.Keep(identities[i], memory.ByIdentity[identities[i]] with { Kept = null });
                else
                    memory.Keep(identities[i], results[i]!);
            }

            foreach (var result in results)
            {
                if (result!.Diagnostics.Count > 0)
                    diagnostics.AddRange(result.Diagnostics);
            }

            IReadOnlyList<Document> outputs;
            if (unchanged && memory.Outputs is { } same)
            {
                outputs = same;
            }
            else
            {
                var made = new List<Document>(inputs.Count);
                foreach (var result in results)
                {
                    // Most steps make one document of each: AddRange would copy each one-item list.
                    var each = result!.Outputs;
                    for (var i = 0; i < each.Count; i++)
                        made.Add(each[i]);
                }

                outputs = made;
            }

            if (!oneShot)
            {
                memory.Inputs = inputs;
                memory.Identities = identities;
                memory.Results = results;
                memory.Outputs = outputs;
            }

            step.Finish(outputs, state, context);
            return outputs;
        }

        /// Whether the inputs are the last build's list with some documents replaced in
        /// place by documents of the same identity (what a save makes).
        private static bool SameShape(DocumentMemory memory, IReadOnlyList<Document> inputs)
        {
            if (memory.Inputs is not { } last || last.Count != inputs.Count)
                return false;
            for (var i = 0; i < inputs.Count; i++)
            {
                if (!ReferenceEquals(last[i], inputs[i]) && !Projection.Identity(inputs[i]).AsSpan().Equals(Unnumbered(memory.Identities[i]), StringComparison.Ordinal))
                    return false;
            }

            return true;
        }

        /// Each input's identity. Documents that share one (a photo made from an asset that is
        /// also published as it is, or two pages an error reports) are told apart by their order
        /// among themselves: a result is reused only for an input with the same fingerprint, so
        /// the numbering decides which result is compared, never whether a stale one is kept.
        private static string[] Identities(IReadOnlyList<Document> inputs)
        {
            var identities = new string[inputs.Count];
            var seen = new Dictionary<string, int>(inputs.Count, StringComparer.Ordinal);
            for (var i = 0; i < inputs.Count; i++)
            {
                var identity = Projection.Identity(inputs[i]);
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, identity, out _);
                identities[i] = count++ == 0 ? identity : identity + Numbered + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return identities;
        }

        private const string Numbered = "\0#";

        private static ReadOnlySpan<char> Unnumbered(string identity)
        {
            var cut = identity.IndexOf(Numbered, StringComparison.Ordinal);
            return cut < 0 ? identity : identity.AsSpan(0, cut);
        }

        /// The identities of the results one of whose reads changed: each distinct read is
        /// checked once.
        /// A step's state for this build. One that declares the keys it prepares from gets them
        /// alone (a projection of each input) and, in a session, keeps its last state while
        /// those keys of every input and what it read besides are unchanged: a body edit then
        /// prepares nothing again.
        private object? Prepare(IDocumentStep step, DocumentMemory memory, IReadOnlyList<Document> inputs, BuildContext context)
        {
            if (step.PrepareReads is not { } keys)
                return step.Prepare(inputs, context);
            var projected = Projection.All(inputs, keys, Projection.Name(keys));
            if (memory.Prepared is { } last && Fingerprints.SameItems(last.From, projected) && AllValid(last.Reads, context, null, null, null))
            {
                foreach (var diagnostic in last.Diagnostics)
                    context.Report(diagnostic);
                return last.State;
            }

            var recorder = new Recorder();
            var state = step.Prepare(projected, context.WithRecorder(recorder));
            memory.Prepared = new PreparedState(projected, state, recorder.Reads, recorder.Diagnostics);
            foreach (var diagnostic in recorder.Diagnostics)
                context.Report(diagnostic);
            return state;
        }

        private HashSet<string> Stale(DocumentMemory memory, BuildContext context, IDocumentStep step, object? state, Dictionary<string, object?> lookups)
        {
            var stale = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (read, readers) in memory.Readers)
            {
                if (!Valid(read, context, step, state, lookups))
                    stale.UnionWith(readers);
            }

            return stale;
        }

        private static object? Current(string key, IDocumentStep step, object? state, Dictionary<string, object?> lookups)
        {
            if (!lookups.TryGetValue(key, out var known))
                lookups[key] = known = step.Lookup(key, state);
            return known;
        }

        private bool AllValid(IReadOnlyList<Dependency> reads, BuildContext context, IDocumentStep? step, object? state, Dictionary<string, object?>? lookups)
        {
            for (var i = 0; i < reads.Count; i++)
            {
                if (!Valid(reads[i], context, step, state, lookups))
                    return false;
            }

            return true;
        }

        private bool Valid(Dependency read, BuildContext context, IDocumentStep? step, object? state, Dictionary<string, object?>? lookups) =>
            read switch
            {
                Dependency.File file => !changes.Touches(file.Path),
                Dependency.Folder folder => !changes.TouchesUnder(folder.Path),
                Dependency.Today today => today.Day == DateOnly.FromDateTime(context.BuildTime.UtcDateTime),
                Dependency.Pipeline pipeline => pipeline.Seen.Matches(context.Current(pipeline)),
                Dependency.Selected selected => selected.Seen.Matches(context.Current(selected)),
                Dependency.Lookup lookup => step is not null && lookup.Seen.Matches(Current(lookup.Key, step, state, lookups!)),
                _ => false,
            };

        /// What a step of the pipeline <paramref name="asking"/> read of the pipeline <paramref name="name"/>.
        public IReadOnlyList<Document> OutputsFor(string asking, string name, Phase phase) => OutputsOf(byName[asking], name, phase);

        private IReadOnlyList<Document> OutputsOf(Pipeline asking, string name, Phase phase)
        {
            if (!byName.ContainsKey(name))
                throw new ArgumentException($"There is no pipeline named '{name}'.", nameof(name));
            var isDependency = dependsOn.GetOrAdd((asking.Name, name), pair => PipelineGraph.DependsOn(byName, pair.From, pair.To));
            if (phase is Phase.Input or Phase.Process)
            {
                return isDependency
                    ? processed.GetValueOrDefault(name) ?? []
                    : throw new InvalidOperationException(
                        $"Pipeline '{asking.Name}' reads '{name}' during {phase} without depending on it; add it to Dependencies.");
            }

            var useFinal = phase == Phase.Output || isDependency;
            return (useFinal ? postProcessed : processed).GetValueOrDefault(name) ?? [];
        }
    }
}
