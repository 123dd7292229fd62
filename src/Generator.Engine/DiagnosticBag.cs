using System.Collections.Concurrent;

namespace Generator.Engine;

/// Thread-safe collector of diagnostics; <see cref="Sorted"/> gives them in a stable order
/// whatever order the concurrent modules reported them in.
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> items = new();
    private int errors;
    private int warnings;

    public bool HasErrors => Volatile.Read(ref errors) > 0;

    public bool HasWarnings => Volatile.Read(ref warnings) > 0;

    public void Add(Diagnostic diagnostic)
    {
        items.Enqueue(diagnostic);
        if (diagnostic.IsError)
            Interlocked.Increment(ref errors);
        else if (diagnostic.IsWarning)
            Interlocked.Increment(ref warnings);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
            Add(diagnostic);
    }

    public IReadOnlyList<Diagnostic> Sorted() =>
        items.Distinct()
            .OrderBy(d => d.Position?.Path ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Position?.Line ?? 0)
            .ThenBy(d => d.Position?.Column ?? 0)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
