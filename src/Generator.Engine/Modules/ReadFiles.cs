using System.IO.Enumeration;
using System.Text;

namespace Generator.Engine.Modules;

/// Reads the files under <paramref name="folder"/> that <paramref name="include"/> accepts
/// (given their path relative to the folder, '/' separators), in ordinal path order.
/// Text files are decoded as strict UTF-8; with <paramref name="readContent"/> false the
/// documents carry only the path, for files that are copied as they are. In a session
/// (preview) the folder is listed again only when a change reached it, and only the changed
/// files are read again: the others keep their documents (and diagnostics) of the last build.
/// Hidden folders (.git) are never entered; hidden files reach <paramref name="include"/> like
/// any other, so the caller decides whether a file named ".md" is worth a word.
/// A symbolic link to a folder is reported once and never entered: it may loop
/// (input/en/self -> .) or reach the whole disk (assets/root -> /).
/// A file over the size <paramref name="limit"/> gives (asked each build: it may come from
/// settings another pipeline loads) is reported before anything reads it.
public sealed class ReadFiles(string folder, string displayRoot, Func<string, bool> include, bool readContent = true, Func<BuildContext, FileSizeLimit>? limit = null) : ISourceReader
{
    public const string RelativePathKey = "relative_path";

    private sealed class Memory
    {
        public List<(string File, bool FolderLink, long Length, string Relative, bool Link)>? Listing { get; set; }

        /// The files taken last time and, in the same order, what was read of each.
        public List<(string File, bool FolderLink, long Length, string Relative, bool Link)> Taken { get; set; } = [];

        public (Document? Document, IReadOnlyList<Diagnostic> Diagnostics)[] Read { get; set; } = [];

        public FileSizeLimit? Limit { get; set; }

        /// The inputs and the list returned for them: when a save reached none of the files
        /// taken, the same list goes on, so every step after sees the very objects it saw.
        public IReadOnlyList<Document>? Inputs { get; set; }

        public IReadOnlyList<Document>? Outputs { get; set; }
    }

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        if (!Directory.Exists(folder))
            return Task.FromResult(inputs);

        var root = Path.GetFullPath(folder);
        var memory = context.Memory<Memory>();
        // A folder no change reached has the same files: include, which may look at the disk
        // (a cache folder's tag file), is not asked again about each of them.
        var unchanged = memory.Listing is not null && !context.Changes.TouchesUnder(root) && memory.Taken.Count + memory.Read.Length > 0;
        if (memory.Listing is null || !unchanged && !Patch(memory.Listing, root, context.Changes))
            memory.Listing = List(root);
        var entries = memory.Listing;
        foreach (var link in entries.Where(f => f.FolderLink && !IsHidden(f.Relative)))
        {
            context.Error(EngineCodes.FolderLink, new SourcePosition(DisplayPaths.Of(displayRoot, link.File), 1, 1),
                $"is a symbolic link to the folder '{LinkTarget(link.File)}'; folder links are not followed (they can loop or reach outside the site): put the folder itself here, or link its files one by one");
        }

        var files = unchanged ? memory.Taken : entries.Where(f => !f.FolderLink && include(f.Relative)).ToList();
        var links = new SymbolicLinks(folder);
        var max = limit?.Invoke(context);
        // Another limit decides again for every file, the ones refused last time included.
        // A symbolic link is read again every build: a save reaches the path of the file it
        // leads to, not the link's.
        bool Again(int i) => files[i].Link || context.Changes.Touches(files[i].File);
        (Document?, IReadOnlyList<Diagnostic>) ReadOne(int i)
        {
            var diagnostics = new List<Diagnostic>();
            return (Read(files[i].File, files[i].Relative, files[i].Length, max, links, diagnostics), diagnostics);
        }

        (Document? Document, IReadOnlyList<Diagnostic> Diagnostics)[] read;
        var same = max == memory.Limit && SamePaths(memory.Taken, files) && !context.Changes.IsEverything;
        if (same)
        {
            // A save: the same files in the same places, so only those it touched are read.
            read = memory.Read;
            var again = Enumerable.Range(0, files.Count).Where(Again).ToList();
            if (again.Count > 0)
            {
                read = [.. read];
                foreach (var i in again)
                    read[i] = ReadOne(i);
            }
            else if (ReferenceEquals(inputs, memory.Inputs) && memory.Outputs is { } last)
            {
                Report(read, context);
                memory.Taken = files;
                return Task.FromResult(last);
            }
        }
        else
        {
            var known = new Dictionary<string, (Document?, IReadOnlyList<Diagnostic>)>(StringComparer.Ordinal);
            if (max == memory.Limit)
            {
                for (var i = 0; i < memory.Taken.Count; i++)
                    known[memory.Taken[i].File] = memory.Read[i];
            }

            read = [.. ParallelMap.Run(Enumerable.Range(0, files.Count).ToList(), context.CancellationToken,
                i => !Again(i) && known.TryGetValue(files[i].File, out var kept) ? kept : ReadOne(i))];
        }

        Report(read, context);
        IReadOnlyList<Document> outputs = [.. inputs, .. read.Select(r => r.Document).OfType<Document>()];
        memory.Limit = max;
        memory.Taken = files;
        memory.Read = read;
        memory.Inputs = inputs;
        memory.Outputs = outputs;
        return Task.FromResult(outputs);
    }

    private static void Report((Document? Document, IReadOnlyList<Diagnostic> Diagnostics)[] read, BuildContext context)
    {
        foreach (var (_, diagnostics) in read)
        {
            foreach (var diagnostic in diagnostics)
                context.Report(diagnostic);
        }
    }

    /// Whether two lists of files name the same paths in the same order (the listing's
    /// entries are the same objects unless the folder was listed again or an entry patched).
    private static bool SamePaths(
        List<(string File, bool FolderLink, long Length, string Relative, bool Link)> before,
        List<(string File, bool FolderLink, long Length, string Relative, bool Link)> now)
    {
        if (before.Count != now.Count)
            return false;
        for (var i = 0; i < now.Count; i++)
        {
            if (!ReferenceEquals(before[i].File, now[i].File) && before[i].File != now[i].File)
                return false;
        }

        return true;
    }

    /// Brings a listing up to date for changed files, added or deleted, without listing the
    /// folder again; false when a folder was among the changes (then it is listed again).
    private static bool Patch(List<(string File, bool FolderLink, long Length, string Relative, bool Link)> listing, string root, ChangeSet changes)
    {
        if (changes.IsEverything)
            return false;
        var added = false;
        foreach (var path in changes.Paths)
        {
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                if (root.StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == root)
                    return false;
                continue;
            }

            var relative = DisplayPaths.Separators(Path.GetRelativePath(root, path));
            var folders = relative.Split('/')[..^1];
            if (folders.Any(f => f.StartsWith('.')))
                continue; // the listing never enters hidden folders
            var prefix = path + Path.DirectorySeparatorChar;
            if (Directory.Exists(path) || listing.Any(f => f.File.StartsWith(prefix, StringComparison.Ordinal)))
                return false;
            var at = listing.FindIndex(f => f.File == path);
            if (File.Exists(path))
            {
                var info = new FileInfo(path);
                var entry = (path, false, info.Length, relative, info.LinkTarget is not null);
                // A saved file keeps its place; only a new one makes the listing sort again.
                if (at >= 0)
                {
                    listing[at] = entry;
                }
                else
                {
                    listing.Add(entry);
                    added = true;
                }
            }
            else if (at >= 0)
            {
                listing.RemoveAt(at);
            }
        }

        if (added)
            listing.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return true;
    }

    private static List<(string File, bool FolderLink, long Length, string Relative, bool Link)> List(string root) =>
        new FileSystemEnumerable<(string File, bool FolderLink, long Length, bool Link)>(
                root,
                (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory, entry.Length, IsLink(ref entry)),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory || IsLink(ref entry),
                ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry) && !entry.FileName.StartsWith('.'),
            }
            .Select(f => (f.File, f.FolderLink, f.Length, Relative: DisplayPaths.Separators(Path.GetRelativePath(root, f.File)), f.Link))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// A path with a segment starting with '.' (.git/, .obsidian/).
    private static bool IsHidden(string relative) => relative.StartsWith('.') || relative.Contains("/.", StringComparison.Ordinal);

    private static string LinkTarget(string path)
    {
        try
        {
            return new DirectoryInfo(path).LinkTarget ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    private Document? Read(string file, string relative, long length, FileSizeLimit? limit, SymbolicLinks links, List<Diagnostic> diagnostics)
    {
        var display = DisplayPaths.Of(displayRoot, file);
        var doc = new Document { Source = display, SourceFile = file }.With(RelativePathKey, relative);
        if (links.OutsideTarget(file) is { } target)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.LinkOutsideFolder, Severity.Error, new SourcePosition(display, 1, 1),
                $"is a symbolic link to '{target}', outside {DisplayPaths.Of(displayRoot, folder)}/; copy the file into the folder instead"));
            return null;
        }

        if (limit is { } max && length > max.Bytes)
        {
            diagnostics.Add(new Diagnostic(EngineCodes.FileTooLarge, Severity.Error, new SourcePosition(display, 1, 1), max.Explain(length)));
            return null;
        }

        if (!readContent)
            return doc;
        if (TextFiles.Read(file, display, out var text) is { } unreadable)
        {
            diagnostics.Add(unreadable);
            return null;
        }

        return doc with { Content = text };
    }
}
