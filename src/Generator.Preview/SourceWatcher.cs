namespace Generator.Preview;

/// Watches folders and calls back once a burst of changes has settled (editors save a
/// file in several steps: temp file, rename, attribute change), with every path the burst
/// touched (both names of a rename), or null when the watcher lost track (its buffer
/// overflowed) and everything must be read again.
public sealed class SourceWatcher : IDisposable
{
    private readonly Dictionary<string, FileSystemWatcher?> trees = new(StringComparer.Ordinal);
    private readonly List<FileSystemWatcher> guards = [];
    private readonly Timer timer;
    private readonly TimeSpan quiet;
    private readonly Lock gate = new();
    private HashSet<string>? pending = new(StringComparer.Ordinal);

    public SourceWatcher(IEnumerable<string> folders, TimeSpan quiet, Action settled)
        : this(folders, quiet, _ => settled())
    {
    }

    public SourceWatcher(IEnumerable<string> folders, TimeSpan quiet, Action<IReadOnlyCollection<string>?> settled)
    {
        this.quiet = quiet;
        timer = new Timer(_ => settled(Take()), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))))
        {
            trees[folder] = Directory.Exists(folder) ? Watch(folder) : null;
            GuardName(folder);
        }
    }

    /// A watcher follows the folder it was given, not its name: when input/ is moved away and
    /// another takes its place (a branch switch, an unpacked archive), the name is watched in
    /// its parent, the tree watcher starts again on the new folder, and everything is read again.
    private void GuardName(string folder)
    {
        if (Path.GetDirectoryName(folder) is not { } parent || !Directory.Exists(parent))
            return;
        var guard = new FileSystemWatcher(parent, Path.GetFileName(folder))
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.DirectoryName,
        };
        guard.Created += (_, _) => WatchAgain(folder);
        guard.Deleted += (_, _) => WatchAgain(folder);
        guard.Renamed += (_, _) => WatchAgain(folder);
        guard.Error += (_, _) => WatchAgain(folder);
        guard.EnableRaisingEvents = true;
        guards.Add(guard);
    }

    private void WatchAgain(string folder)
    {
        lock (gate)
        {
            trees[folder]?.Dispose();
            trees[folder] = Directory.Exists(folder) ? Watch(folder) : null;
        }

        Poke([null]);
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => Poke(e.FullPath);
        watcher.Created += (_, e) => Poke(e.FullPath);
        watcher.Deleted += (_, e) => Poke(e.FullPath);
        watcher.Renamed += (_, e) => Poke(e.OldFullPath, e.FullPath);
        watcher.Error += (_, _) => Poke([null]);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Poke(params string?[] paths)
    {
        lock (gate)
        {
            if (paths.Any(p => p is null))
                pending = null;
            else
                pending?.UnionWith(paths!);
        }

        timer.Change(quiet, Timeout.InfiniteTimeSpan);
    }

    private HashSet<string>? Take()
    {
        lock (gate)
        {
            var taken = pending;
            pending = new(StringComparer.Ordinal);
            return taken;
        }
    }

    public void Dispose()
    {
        foreach (var guard in guards)
            guard.Dispose();
        lock (gate)
        {
            foreach (var tree in trees.Values)
                tree?.Dispose();
        }

        timer.Dispose();
    }
}
