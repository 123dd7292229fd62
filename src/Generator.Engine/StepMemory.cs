using System.Collections.Concurrent;

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
/// Which results made each distinct read is indexed, and reads are shared between results
/// that read the same value (<see cref="Interned"/>), so a build checks each once.
internal sealed class DocumentMemory
{
    public Dictionary<string, DocumentResult> ByIdentity { get; } = new(StringComparer.Ordinal);

    public Dictionary<Dependency, HashSet<string>> Readers { get; } = [];

    /// The last dependency recorded under each name, given again to a result that reads
    /// the same value, so that the readers of one value share one entry of <see cref="Readers"/>.
    public ConcurrentDictionary<string, Dependency> Interned { get; } = new(StringComparer.Ordinal);

    /// The last build's inputs, their identities and outputs.
    public IReadOnlyList<Document>? Inputs { get; set; }

    public string[] Identities { get; set; } = [];

    public DocumentResult?[] Results { get; set; } = [];

    public IReadOnlyList<Document>? Outputs { get; set; }

    /// The state the step last prepared, from what (see <see cref="IDocumentStep.PrepareReads"/>).
    public PreparedState? Prepared { get; set; }

    /// Drops the results of documents that are gone.
    public void ForgetAllBut(string[] identities)
    {
        if (ReferenceEquals(identities, Identities) || ByIdentity.Count == 0)
            return;
        var present = new HashSet<string>(identities.Length, StringComparer.Ordinal);
        present.UnionWith(identities);

        foreach (var gone in ByIdentity.Keys.Where(k => !present.Contains(k)).ToList())
        {
            Unindex(gone, ByIdentity[gone]);
            ByIdentity.Remove(gone);
        }
    }

    /// The result kept for <paramref name="identity"/>, its reads indexed in place of the last one's.
    public void Keep(string identity, DocumentResult result)
    {
        if (ByIdentity.TryGetValue(identity, out var last))
        {
            if (ReferenceEquals(last, result) || ReferenceEquals(last.Reads, result.Reads))
            {
                ByIdentity[identity] = result;
                return;
            }

            Unindex(identity, last);
        }

        ByIdentity[identity] = result;
        foreach (var read in result.Reads)
        {
            if (!Readers.TryGetValue(read, out var readers))
                Readers[read] = readers = new HashSet<string>(StringComparer.Ordinal);
            readers.Add(identity);
        }
    }

    private void Unindex(string identity, DocumentResult result)
    {
        foreach (var read in result.Reads)
        {
            if (Readers.TryGetValue(read, out var readers) && readers.Remove(identity) && readers.Count == 0)
                Readers.Remove(read);
        }
    }
}

internal sealed record DocumentResult(Seen Input, IReadOnlyList<Document> Outputs, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Dependency> Reads)
{
    /// For a result read back from disk (<see cref="ResultsFile"/>): its outputs, to be
    /// applied to an input with the fingerprint it was made from (<see cref="Outputs"/> is empty).
    public KeptOutputs? Kept { get; init; }

    /// The result as the results file holds it, while it is the very result read back
    /// (reused, not made again): written again as it is.
    public ReadOnlyMemory<byte>? Stored { get; init; }
}

/// A key-reading module's last plan in a session, and the outputs it made from each input.
internal sealed class ProjectedMemory : ListResult
{
    public IReadOnlyList<Projection.Step> Plan { get; set; } = [];

    /// The last build's inputs, and for each step of the plan the input it changed (its
    /// index, or -1 for a document the step made) and the document that came out.
    public IReadOnlyList<Document> Inputs { get; set; } = [];

    /// The plan <see cref="Positions"/> and <see cref="Made"/> follow (the last run's, until applied).
    public IReadOnlyList<Projection.Step> Applied { get; set; } = [];

    public int[] Positions { get; set; } = [];

    public Document[] Made { get; set; } = [];
}

/// The documents the duplicate-destination check saw last, and what it reported.
internal sealed class DestinationsMemory
{
    public IReadOnlyList<Document> Documents { get; set; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; set; } = [];
}

/// A step's prepared state, the projected inputs it was made from, what else it read and reported.
internal sealed record PreparedState(IReadOnlyList<Document> From, object? State, IReadOnlyList<Dependency> Reads, IReadOnlyList<Diagnostic> Diagnostics);
