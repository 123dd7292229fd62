namespace Generator.Engine;

/// The paths (absolute) that changed, were added or deleted since a session's last build,
/// or everything (a first build, or a watcher that lost track).
public sealed class ChangeSet
{
    private readonly HashSet<string> paths;

    // With a few changes (a save), each path is compared with them: walking up every
    // path's folders would make a string per folder for each of 20,000 files.
    private readonly string[] few;

    private ChangeSet(HashSet<string> paths, bool everything)
    {
        this.paths = paths;
        IsEverything = everything;
        few = paths.Count <= 16 ? [.. paths] : [];
    }

    public static ChangeSet Everything { get; } = new([], everything: true);

    public static ChangeSet None { get; } = new([], everything: false);

    public static ChangeSet Of(IEnumerable<string> changed) =>
        new([.. changed.Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)))], everything: false);

    public bool IsEverything { get; }

    public IReadOnlyCollection<string> Paths => paths;

    /// Whether <paramref name="path"/> or a folder above it changed (a renamed folder moves
    /// every file in it).
    public bool Touches(string path)
    {
        if (IsEverything)
            return true;
        if (paths.Count == 0)
            return false;
        if (few.Length == paths.Count)
        {
            foreach (var changed in few)
            {
                if (path.StartsWith(changed, StringComparison.Ordinal)
                    && (path.Length == changed.Length || path[changed.Length] == Path.DirectorySeparatorChar || path.Length == changed.Length + 1 && path[^1] == Path.DirectorySeparatorChar))
                    return true;
            }

            return false;
        }

        for (var current = Path.TrimEndingDirectorySeparator(path); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (paths.Contains(current))
                return true;
        }

        return false;
    }

    /// Whether anything under <paramref name="folder"/> (or the folder itself) changed.
    public bool TouchesUnder(string folder)
    {
        if (IsEverything)
            return true;
        var root = Path.TrimEndingDirectorySeparator(folder);
        return Touches(root) || paths.Any(p => p.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    public ChangeSet Union(ChangeSet other) =>
        IsEverything || other.IsEverything ? Everything : new([.. paths, .. other.paths], everything: false);
}
