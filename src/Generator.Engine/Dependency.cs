namespace Generator.Engine;

/// Something a module read while making a result, checked before the result is reused.
internal abstract record Dependency
{
    /// The documents of a pipeline (or the named metadata of each, a projection).
    public sealed record Pipeline(string Name, Phase Phase, string? Keys, Fingerprint Seen) : Dependency;

    /// A file read from disk (an image's header): the result is stale when the file changed.
    public sealed record File(string Path) : Dependency;

    /// A named value of the module's own shared state (the site's lists, say), looked up
    /// again through the module.
    public sealed record Lookup(string Key, Fingerprint Seen) : Dependency;
}
