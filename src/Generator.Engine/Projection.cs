using System.Collections.Immutable;

namespace Generator.Engine;

/// Documents seen through a list of metadata keys, and the changes a module made to such
/// views carried back to the documents they came from.
internal static class Projection
{
    /// The document with only <paramref name="keys"/> of its metadata and no content, made
    /// once per document and key list.
    public static Document Of(Document doc, IReadOnlyList<string> keys, string name)
    {
        var derived = doc.Derived;
        // The array is replaced whole under the lock, never changed: read without it. Names
        // are interned (Name), so a reference decides; a string comparison would cost more
        // than the projection at 20,000 documents and ten key lists.
        foreach (var (made, projected) in derived.Projections)
        {
            if (ReferenceEquals(made, name))
                return projected;
        }

        var builder = doc.Metadata.Clear().ToBuilder();
        foreach (var key in keys)
        {
            if (doc.Metadata.TryGetValue(key, out var value))
                builder[key] = value;
        }

        var projection = new Document { Source = doc.Source, SourceFile = doc.SourceFile, Destination = doc.Destination, Metadata = builder.ToImmutable() };
        lock (derived.Gate)
        {
            foreach (var (made, projected) in derived.Projections)
            {
                if (made == name)
                    return projected;
            }

            derived.Projections = [.. derived.Projections, (name, projection)];
            return projection;
        }
    }

    /// Every document of a list through the same keys.
    public static IReadOnlyList<Document> All(IReadOnlyList<Document> docs, IReadOnlyList<string> keys, string name) =>
        [.. docs.Select(d => Of(d, keys, name))];

    /// One string object per key list, so a document's projections are told apart by reference.
    public static string Name(IReadOnlyList<string> keys) => string.Intern(string.Join('\0', keys));

    /// Which input a document came from: its source, or for a generated one its destination.
    public static string Identity(Document doc) => doc.Source ?? "\0" + doc.Destination;

    /// What a module did to each projected input: the outputs in order, each either the
    /// changes to one input (identity and the metadata set) or a document it made.
    public static IReadOnlyList<Step> Plan(IReadOnlyList<Document> projected, IReadOnlyList<Document> outputs)
    {
        var byIdentity = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var doc in projected)
        {
            if (!byIdentity.TryAdd(Identity(doc), doc))
                throw new InvalidOperationException($"two inputs share the identity '{Identity(doc)}'");
        }

        var plan = new List<Step>(outputs.Count);
        foreach (var output in outputs)
        {
            if (!byIdentity.TryGetValue(Identity(output), out var input))
            {
                plan.Add(new Step(null, [], output));
                continue;
            }

            var set = output.Metadata.Where(p => !input.Metadata.TryGetValue(p.Key, out var before) || !Fingerprints.SameWithoutHashing(before, p.Value)).ToImmutableArray();
            if (input.Metadata.Keys.Any(k => !output.Metadata.ContainsKey(k)) || output.Content is not null || output.Destination != input.Destination || output.SourceFile != input.SourceFile)
                throw new InvalidOperationException($"a module that declares the keys it reads may only set metadata ({Identity(output)})");
            plan.Add(new Step(Identity(output), set, null));
        }

        return plan;
    }

    /// Whether two plans change an input the same way (by the fingerprints of what they set),
    /// so the output made the last time can be kept.
    public static bool SameChanges(Step a, Step b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.Set.Length != b.Set.Length)
            return false;
        for (var i = 0; i < a.Set.Length; i++)
        {
            if (a.Set[i].Key != b.Set[i].Key || !Fingerprints.Same(a.Set[i].Value, b.Set[i].Value))
                return false;
        }

        return true;
    }


    /// One output: the changes to the input named <paramref name="Identity"/>, or a new document.
    internal sealed record Step(string? Identity, ImmutableArray<KeyValuePair<string, object?>> Set, Document? Made);
}
