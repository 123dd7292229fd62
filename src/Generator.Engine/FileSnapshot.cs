using System.Collections.Concurrent;

namespace Generator.Engine;

/// The documents earlier builds of one session (preview) read, each kept with the file's
/// size and modification time: a rebuild reads again only the files whose size or time
/// moved. The folder listing itself (which reports size and time with no extra system
/// call) is made afresh every build, so added, deleted and renamed files are always seen,
/// whatever the file watcher reported.
public sealed class FileSnapshot
{
    private readonly ConcurrentDictionary<(string Folder, bool Content, string File), (DateTime Written, long Length, Document Document)> read = new();

    /// The document for <paramref name="file"/> as last read from <paramref name="folder"/>
    /// (with or without its content), if the file has not changed since.
    public Document? Find(string folder, bool content, string file, DateTime written, long length) =>
        read.TryGetValue((folder, content, file), out var found) && found.Written == written && found.Length == length ? found.Document : null;

    /// Remembers a document read without problems (a file that failed is read again next time,
    /// so its diagnostic is reported again).
    public void Keep(string folder, bool content, string file, DateTime written, long length, Document document) =>
        read[(folder, content, file)] = (written, length, document);

    /// Forgets the files a reader of <paramref name="folder"/> no longer lists, so the snapshot
    /// does not grow with renames and deletions.
    public void KeepOnly(string folder, bool content, IReadOnlySet<string> listed)
    {
        foreach (var key in read.Keys.Where(k => k.Folder == folder && k.Content == content && !listed.Contains(k.File)))
            read.TryRemove(key, out _);
    }
}
