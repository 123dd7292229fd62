using System.Collections.Concurrent;

namespace Generator.Engine;

/// Collects what one module run (or one document's step) reports and reads, so a session
/// can replay the diagnostics and check the reads before it reuses the result.
internal sealed class Recorder
{
    private readonly ConcurrentQueue<Diagnostic> diagnostics = new();
    private readonly ConcurrentDictionary<Dependency, byte> reads = new();

    public IReadOnlyList<Diagnostic> Diagnostics => [.. diagnostics];

    public IReadOnlyList<Dependency> Reads => [.. reads.Keys];

    public void Report(Diagnostic diagnostic) => diagnostics.Enqueue(diagnostic);

    public void Read(Dependency dependency) => reads.TryAdd(dependency, 0);
}
