using System.Collections.Concurrent;

namespace Generator.Engine;

/// Collects what one module run (or one document's step) reports and reads, so a session
/// can replay the diagnostics and check the reads before it reuses the result.
internal sealed class Recorder(ConcurrentDictionary<string, Dependency>? interned = null)
{
    private readonly ConcurrentQueue<Diagnostic> diagnostics = new();
    private readonly ConcurrentDictionary<string, Dependency> reads = new(StringComparer.Ordinal);

    public IReadOnlyList<Diagnostic> Diagnostics => [.. diagnostics];

    public IReadOnlyList<Dependency> Reads => [.. reads.Values];

    public void Report(Diagnostic diagnostic) => diagnostics.Enqueue(diagnostic);

    /// The first read of a thing counts: within one build it has one value.
    public void Read(Dependency dependency)
    {
        if (interned is not null)
            dependency = interned.AddOrUpdate(dependency.Name, dependency, (_, last) => Dependency.SameRead(last, dependency) ? last : dependency);
        reads.TryAdd(dependency.Name, dependency);
    }
}
