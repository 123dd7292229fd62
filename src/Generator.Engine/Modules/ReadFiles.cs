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

        public Dictionary<string, (Document? Document, IReadOnlyList<Diagnostic> Diagnostics)> Files { get; set; } = new(StringComparer.Ordinal);

        public FileSizeLimit? Limit { get; set; }
    }

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        if (!Directory.Exists(folder))
            return Task.FromResult(inputs);

        var root = Path.GetFullPath(folder);
        var memory = context.Memory<Memory>();
        if (memory.Listing is null || context.Changes.TouchesUnder(root) && !Patch(memory.Listing, root, context.Changes))
            memory.Listing = List(root);
        var entries = memory.Listing;
        foreach (var link in entries.Where(f => f.FolderLink && !IsHidden(f.Relative)))
        {
            context.Error(EngineCodes.FolderLink, new SourcePosition(DisplayPaths.Of(displayRoot, link.File), 1, 1),
                $"is a symbolic link to the folder '{LinkTarget(link.File)}'; folder links are not followed (they can loop or reach outside the site): put the folder itself here, or link its files one by one");
        }

        var files = entries.Where(f => !f.FolderLink && include(f.Relative)).ToList();
        var links = new SymbolicLinks(folder);
        var max = limit?.Invoke(context);
        // Another limit decides again for every file, the ones refused last time included.
        var known = max == memory.Limit ? memory.Files : new(StringComparer.Ordinal);
        memory.Limit = max;
        var read = ParallelMap.Run(files, context.CancellationToken, f =>
        {
            // A symbolic link is read again every build: a save reaches the path of the file it
            // leads to, not the link's.
            if (known.TryGetValue(f.File, out var kept) && !context.Changes.Touches(f.File) && !f.Link)
                return kept;
            var diagnostics = new List<Diagnostic>();
            return (Read(f.File, f.Relative, f.Length, max, links, diagnostics), diagnostics);
        });
        memory.Files = new(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            memory.Files[files[i].File] = read[i];
            foreach (var diagnostic in read[i].Diagnostics)
                context.Report(diagnostic);
        }

        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. read.Select(r => r.Document).OfType<Document>()]);
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
            listing.RemoveAll(f => f.File == path);
            if (File.Exists(path))
            {
                var info = new FileInfo(path);
                listing.Add((path, false, info.Length, relative, info.LinkTarget is not null));
                added = true;
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
