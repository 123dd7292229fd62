namespace Generator.Engine;

/// Something a module read while making a result, checked before the result is reused.
internal abstract record Dependency
{
    /// What identifies the read within one result (one record per thing read).
    public abstract string Name { get; }

    /// Whether two reads of the same name saw the same thing, so one can stand for both.
    public static bool SameRead(Dependency a, Dependency b) => (a, b) switch
    {
        (File x, File y) => x == y,
        (Folder x, Folder y) => x == y,
        (Pipeline x, Pipeline y) => x.Pipe == y.Pipe && x.Phase == y.Phase && x.Keys == y.Keys && x.Seen.SameValue(y.Seen),
        (Lookup x, Lookup y) => x.Key == y.Key && x.Seen.SameValue(y.Seen),
        (Today x, Today y) => x == y,
        (Selected x, Selected y) => x.Pipe == y.Pipe && x.Phase == y.Phase && x.Selection == y.Selection && x.Seen.SameValue(y.Seen),
        _ => false,
    };

    /// The documents of a pipeline (or the named metadata of each, a projection).
    public sealed record Pipeline(string Pipe, Phase Phase, string? Keys, Seen Seen) : Dependency
    {
        public override string Name => $"pipeline {Pipe} {Phase} {Keys}";
    }

    /// A value selected from each document of a pipeline by a named function.
    public sealed record Selected(string Pipe, Phase Phase, string Selection, Func<IReadOnlyList<Document>, object> Select, Seen Seen) : Dependency
    {
        public override string Name => $"selection {Pipe} {Phase} {Selection}";
    }

    /// A file read from disk (an image's header): the result is stale when the file changed.
    public sealed record File(string Path) : Dependency
    {
        public override string Name => "file " + Path;
    }

    /// A folder listed from disk (the layouts of a theme): the result is stale when anything
    /// under it changed, was added or deleted.
    public sealed record Folder(string Path) : Dependency
    {
        public override string Name => "folder " + Path;
    }

    /// The build's date (<see cref="BuildContext.Today"/>).
    public sealed record Today(DateOnly Day) : Dependency
    {
        public override string Name => "today";
    }

    /// A named value of the module's own shared state (the site's lists, say), looked up
    /// again through the module.
    public sealed record Lookup(string Key, Seen Seen) : Dependency
    {
        public override string Name => "lookup " + Key;
    }
}

/// A value as it was read. Whether a later value is the same is decided by reference when
/// it can be (most values are the very objects of the last build), and otherwise by
/// <see cref="Fingerprints.Same"/>, which looks only into the parts that are not the same objects.
/// A value read by an earlier process (a persisted result, <see cref="ResultsFile"/>) is
/// known only by its fingerprint, and a later value is the same when its fingerprint is.
internal sealed class Seen
{
    private readonly object? value;
    private readonly Fingerprint? persisted;

    public Seen(object? value) => this.value = value;

    private Seen(Fingerprint persisted) => this.persisted = persisted;

    public static Seen Persisted(Fingerprint fingerprint) => new(fingerprint);

    public object? Value => value;

    /// The fingerprint of the value (computed, unless it was read back as one).
    public Fingerprint Fingerprint => persisted ?? Fingerprints.Of(value);

    /// Whether both saw the same value without hashing (the same object, equal strings or values).
    public bool SameValue(Seen other) => persisted is null && other.persisted is null && Same(other.Value);

    private bool Same(object? current) => Fingerprints.SameWithoutHashing(current, value);

    public bool Matches(object? current)
    {
        if (persisted is { } fingerprint)
            return Fingerprints.Of(current) == fingerprint;
        if (Same(current))
            return true;
        if (current is IReadOnlyList<Document> now && value is IReadOnlyList<Document> before)
            return Fingerprints.SameItems(now, before);
        if (current is Array values && value is Array was)
            return Fingerprints.SameItems(values, was);
        return Fingerprints.Same(current, value);
    }
}
