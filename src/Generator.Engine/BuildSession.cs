using System.Collections.Concurrent;

namespace Generator.Engine;

/// What earlier builds of a long-lived session (preview) made: per pipeline, phase and
/// module, the fingerprints of the inputs, the outputs, the diagnostics and what was read.
/// A build with a session re-runs only the steps whose inputs or reads changed; a build
/// without one (plain `build`) records nothing. Results are pure functions of what they
/// record, so any of them may be dropped at any time.
public sealed class BuildSession
{
    private readonly ConcurrentDictionary<(string Pipeline, Phase Phase, int Module, Type Kind), object> memories = new();
    private ChangeSet pending = ChangeSet.None;
    private Fingerprint? configuration;

    internal FileReads Files { get; } = new();

    private bool began;

    /// A session for one build that goes on from a results file and writes one
    /// (<see cref="ResultsFile"/>): it keeps only what the file needs, not what a next build in
    /// the same process would (the lists of each step, the whole-list steps' results, the
    /// outputs of results it read back), so the documents of each step are freed as the build
    /// goes on, as they are without a session.
    internal bool OneShot { get; init; }

    /// The configuration of the last build (null before the first).
    internal Fingerprint? Configuration => configuration;

    /// A session whose first build goes on from results an earlier process kept
    /// (<see cref="ResultsFile"/>): it counts as having run, so only the changes run again.
    internal static BuildSession Restored(Fingerprint configuration, IEnumerable<((string Pipeline, Phase Phase, int Module) Step, DocumentMemory Memory)> steps,
        IReadOnlyList<Type> types, IReadOnlyDictionary<string, (FileStamp? Stamp, Fingerprint? Hash)> files)
    {
        var session = new BuildSession { configuration = configuration, Runs = 1, StoredTypes = types, StoredFiles = files, OneShot = true };
        foreach (var (step, memory) in steps)
            session.memories[(step.Pipeline, step.Phase, step.Module, typeof(DocumentMemory))] = memory;
        return session;
    }

    /// The types the results read back refer to by number (<see cref="DocumentResult.Stored"/>).
    internal IReadOnlyList<Type> StoredTypes { get; private init; } = [];

    /// The files the results read back had read, with their stamps and hashes then.
    internal IReadOnlyDictionary<string, (FileStamp? Stamp, Fingerprint? Hash)> StoredFiles { get; private init; } =
        new Dictionary<string, (FileStamp?, Fingerprint?)>();

    /// The per-document steps' results, in a fixed order.
    internal IEnumerable<((string Pipeline, Phase Phase, int Module) Step, DocumentMemory Memory)> DocumentSteps() =>
        memories.Where(m => m.Value is DocumentMemory)
            .Select(m => ((m.Key.Pipeline, m.Key.Phase, m.Key.Module), (DocumentMemory)m.Value))
            .OrderBy(m => m.Item1.Pipeline, StringComparer.Ordinal).ThenBy(m => m.Item1.Phase).ThenBy(m => m.Item1.Module);

    /// Builds run in this session so far.
    public int Runs { get; private set; }

    /// The changes a build must take into account: its own and those of any earlier build
    /// that did not finish (cancelled), whose steps may not all have seen them.
    internal ChangeSet Begin(ChangeSet changes, Fingerprint configuration)
    {
        if (OneShot && began)
            throw new InvalidOperationException("A session of a results file runs one build: it keeps only what that file needs.");
        began = true;
        if (this.configuration != configuration)
        {
            // Other settings or another configuration: nothing recorded can be trusted.
            memories.Clear();
            pending = ChangeSet.Everything;
            this.configuration = configuration;
        }

        pending = Runs == 0 ? ChangeSet.Everything : pending.Union(changes);
        Files.Forget(pending);
        return pending;
    }

    internal void Finish()
    {
        pending = ChangeSet.None;
        Runs++;
    }

    /// One memory of each kind per step: the engine keeps its own (a per-document step's
    /// results) beside the one the module asks for (its prepared state).
    internal T Memory<T>((string Pipeline, Phase Phase, int Module) step) where T : class, new() =>
        OneShot && typeof(T) != typeof(DocumentMemory) ? new T()
        : (T)memories.GetOrAdd((step.Pipeline, step.Phase, step.Module, typeof(T)), _ => new T());
}
