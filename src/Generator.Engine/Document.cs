using System.Collections.Immutable;

namespace Generator.Engine;

/// One item flowing through the pipelines. Immutable: modules return changed copies
/// made with <c>with</c> or <see cref="With"/>.
public sealed record Document
{
    /// Path shown in diagnostics (relative to the site root, '/' separators), or null
    /// for a generated document.
    public string? Source { get; init; }

    /// Absolute path of the file this document was read from; used to copy files whose
    /// <see cref="Content"/> is null.
    public string? SourceFile { get; init; }

    /// Path under the output folder ('/' separators); empty when the document is not written.
    public string Destination { get; init; } = "";

    public ImmutableDictionary<string, object?> Metadata { get; init; } =
        ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal);

    /// Text content, or null for a file that is copied as it is.
    public string? Content { get; init; }

    public T? Get<T>(string key) =>
        Metadata.TryGetValue(key, out var value) && value is T typed ? typed : default;

    public T Require<T>(string key) =>
        Metadata.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"Document {Source ?? Destination} has no '{key}' of type {typeof(T).Name}.");

    public Document With(string key, object? value) =>
        this with { Metadata = Metadata.SetItem(key, value) };

    public Document With(IEnumerable<KeyValuePair<string, object?>> items) =>
        this with { Metadata = Metadata.SetItems(items) };

    /// Where a diagnostic about this document points when no finer position is known.
    public SourcePosition At(int line = 1, int column = 1) => new(Source ?? Destination, line, column);
}
