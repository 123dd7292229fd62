using System.Collections.Immutable;

namespace Generator.Engine;

/// One item flowing through the pipelines. Immutable: modules return changed copies
/// made with <c>with</c> or <see cref="With"/>.
public sealed record Document
{
    // What is derived from this very document (its fingerprint, its projections), made once.
    // Kept in a field rather than a weak table: a table entry is a handle every garbage
    // collection must visit, and a session holds hundreds of thousands of documents.
    private DerivedValues? derived;

    public Document()
    {
    }

    // A copy made with `with` is another document: it derives its own values.
    private Document(Document original)
    {
        Source = original.Source;
        SourceFile = original.SourceFile;
        Destination = original.Destination;
        Metadata = original.Metadata;
        Content = original.Content;
    }

    internal DerivedValues Derived => LazyInitializer.EnsureInitialized(ref derived);

    /// Gives this document the fingerprint it is known to have (a kept result's output,
    /// made again from an input with the fingerprint it was made from), so it is not hashed.
    internal void Remember(Fingerprint fingerprint) => Derived.Fingerprint ??= new System.Runtime.CompilerServices.StrongBox<Fingerprint>(fingerprint);

    /// Path shown in diagnostics (relative to the site root, '/' separators), or null
    /// for a generated document.
    public string? Source { get; init; }

    /// Absolute path of the file this document was read from; used to copy files whose
    /// <see cref="Content"/> is null.
    public string? SourceFile { get; init; }

    /// Path under the output folder ('/' separators); empty when the document is not written.
    public string Destination { get; init; } = "";

    public ImmutableDictionary<string, object?> Metadata { get; init; } = EmptyMetadata;

    /// No metadata, with keys compared ordinally.
    internal static ImmutableDictionary<string, object?> EmptyMetadata { get; } =
        ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal);

    /// Text content, or null for a file that is copied as it is.
    public string? Content { get; init; }

    public T? Get<T>(string key) =>
        Metadata.TryGetValue(key, out var value) && value is T typed ? typed : default;

    public T Require<T>(string key) =>
        Metadata.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"Document {Source ?? Destination} has no '{key}' of type {typeof(T).Name}.");

    /// A value made from this document alone by the function <paramref name="name"/> stands
    /// for (one name, one function), made once per document object and kept with it, so a
    /// session reuses it for every page that did not change. <paramref name="version"/> is the
    /// fingerprint of whatever else the function reads (settings, strings): a value made
    /// under another version is made again.
    public T Derive<T>(string name, Fingerprint version, Func<Document, T> make) => Selection.Of(this, name, version, make);

    /// <inheritdoc cref="Derive{T}(string, Fingerprint, Func{Document, T})"/>
    public T Derive<T>(string name, Func<Document, T> make) => Selection.Of(this, name, default, make);

    public Document With(string key, object? value) =>
        this with { Metadata = Metadata.SetItem(key, value) };

    public Document With(IEnumerable<KeyValuePair<string, object?>> items) =>
        this with { Metadata = Metadata.SetItems(items) };

    public bool Equals(Document? other) =>
        other is not null && Source == other.Source && SourceFile == other.SourceFile && Destination == other.Destination
        && ReferenceEquals(Metadata, other.Metadata) && Content == other.Content;

    public override int GetHashCode() => HashCode.Combine(Source, SourceFile, Destination, Metadata, Content);

    /// Where a diagnostic about this document points when no finer position is known.
    public SourcePosition At(int line = 1, int column = 1) => new(Source ?? Destination, line, column);
}

/// Values derived from one document, made on first use.
internal sealed class DerivedValues
{
    public Lock Gate { get; } = new();

    public System.Runtime.CompilerServices.StrongBox<Fingerprint>? Fingerprint { get; set; }

    public (string Name, Document Projected)[] Projections { get; set; } = [];

    public (string Name, Fingerprint Version, object? Value)[] Selections { get; set; } = [];
}
