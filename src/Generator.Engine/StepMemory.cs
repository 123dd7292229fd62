namespace Generator.Engine;

/// A whole-list module's last result in a session.
internal sealed class ListMemory
{
    public Fingerprint? Input { get; set; }

    public IReadOnlyList<Document> Outputs { get; set; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; set; } = [];

    public IReadOnlyList<Dependency> Reads { get; set; } = [];
}

/// A per-document module's last result for each input, by the input's fingerprint.
internal sealed class DocumentMemory
{
    public Dictionary<Fingerprint, DocumentResult> Results { get; set; } = [];
}

internal sealed record DocumentResult(Document? Output, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Dependency> Reads);

/// A key-reading module's last plan in a session, and the outputs it made from each input.
internal sealed class ProjectedMemory
{
    public Fingerprint? Input { get; set; }

    public IReadOnlyList<Projection.Step> Plan { get; set; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; set; } = [];

    public IReadOnlyList<Dependency> Reads { get; set; } = [];

    public Dictionary<string, (Document Input, Projection.Step Step, Document Output)> Applied { get; set; } = [];
}
