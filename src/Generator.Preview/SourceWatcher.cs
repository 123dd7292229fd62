namespace Generator.Preview;

/// Watches folders and calls back once a burst of changes has settled (editors save a
/// file in several steps: temp file, rename, attribute change).
public sealed class SourceWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Timer timer;
    private readonly TimeSpan quiet;

    public SourceWatcher(IEnumerable<string> folders, TimeSpan quiet, Action settled)
    {
        this.quiet = quiet;
        timer = new Timer(_ => settled(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => Poke();
            watcher.Created += (_, _) => Poke();
            watcher.Deleted += (_, _) => Poke();
            watcher.Renamed += (_, _) => Poke();
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }
    }

    private void Poke() => timer.Change(quiet, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        foreach (var watcher in watchers)
            watcher.Dispose();
        timer.Dispose();
    }
}
