using System.Collections.Concurrent;

namespace Generator.Engine;

/// What modules derived from files (an image's header, say), by the reading's name and the
/// file: each file is read once per build, and in a session until a change touches it. The
/// engine owns it, so no module keeps a cache of its own beside the recorded reads.
internal sealed class FileReads
{
    // Lazy: two pipelines asking at once still read the file once.
    private readonly ConcurrentDictionary<(string Reading, string Path), Lazy<object?>> values = new();

    public T Get<T>(string reading, string path, Func<string, T> read) =>
        (T)values.GetOrAdd((reading, path), key => new Lazy<object?>(() => read(key.Path))).Value!;

    /// Drops what <paramref name="changes"/> touch (everything, for a session starting over).
    public void Forget(ChangeSet changes)
    {
        if (changes.IsEverything)
        {
            values.Clear();
            return;
        }

        // Enumerated as it is: Keys would lock the table and copy every key.
        foreach (var (key, _) in values)
        {
            if (changes.Touches(key.Path))
                values.TryRemove(key, out _);
        }
    }
}
