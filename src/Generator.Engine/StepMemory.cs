namespace Generator.Engine;

/// What a step over a whole list saw, reported and read the last time it ran.
internal abstract class ListResult
{
    public Seen? Input { get; set; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; set; } = [];

    public IReadOnlyList<Dependency> Reads { get; set; } = [];
}

/// A whole-list module's last result in a session.
internal sealed class ListMemory : ListResult
{
    public IReadOnlyList<Document> Outputs { get; set; } = [];
}

/// A per-document module's last result for each input, by the input's identity (its source,
/// or for a generated document its destination); the input itself is kept to compare with.
internal sealed class DocumentMemory
{
    public Dictionary<string, DocumentResult> Results { get; } = new(StringComparer.Ordinal);
}

internal sealed record DocumentResult(Seen Input, Document? Output, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Dependency> Reads);

/// A key-reading module's last plan in a session, and the outputs it made from each input.
internal sealed class ProjectedMemory : ListResult
{
    public IReadOnlyList<Projection.Step> Plan { get; set; } = [];

    public Dictionary<string, (Document Input, Projection.Step Step, Document Output)> Applied { get; set; } = [];
}
