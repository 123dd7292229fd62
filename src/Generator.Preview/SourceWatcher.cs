namespace Generator.Preview;

/// Watches folders and calls back once a burst of changes has settled (editors save a
/// file in several steps: temp file, rename, attribute change), with every path the burst
/// touched (both names of a rename), or null when the watcher lost track (its buffer
/// overflowed) and everything must be read again.
public sealed class SourceWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> watchers = [];
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
        foreach (var folder in folders.Where(Directory.Exists))
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
            watchers.Add(watcher);
        }
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
        foreach (var watcher in watchers)
            watcher.Dispose();
        timer.Dispose();
    }
}
