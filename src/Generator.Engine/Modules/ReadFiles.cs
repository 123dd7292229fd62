using System.IO.Enumeration;
using System.Text;

namespace Generator.Engine.Modules;

/// Reads the files under <paramref name="folder"/> that <paramref name="include"/> accepts
/// (given their path relative to the folder, '/' separators), in ordinal path order.
/// Text files are decoded as strict UTF-8; with <paramref name="readContent"/> false the
/// documents carry only the path, for files that are copied as they are. With a
/// <see cref="FileSnapshot"/> (preview), a file unchanged since an earlier build is not read again.
/// Hidden folders (.git) are never entered; hidden files reach <paramref name="include"/> like
/// any other, so the caller decides whether a file named ".md" is worth a word.
/// A symbolic link to a folder is reported once and never entered: it may loop
/// (input/en/self -> .) or reach the whole disk (assets/root -> /).
/// A file over <paramref name="limit"/> is reported before anything reads it.
public sealed class ReadFiles(string folder, string displayRoot, Func<string, bool> include, bool readContent = true, FileSnapshot? snapshot = null, FileSizeLimit? limit = null) : IModule
{
    public const string RelativePathKey = "relative_path";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        if (!Directory.Exists(folder))
            return Task.FromResult(inputs);

        var root = Path.GetFullPath(folder);
        var entries = new FileSystemEnumerable<(string File, bool FolderLink, DateTime Written, long Length)>(
                root,
                (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory, entry.LastWriteTimeUtc.UtcDateTime, entry.Length),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory || IsLink(ref entry),
                ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry) && !entry.FileName.StartsWith('.'),
            }
            .Select(f => (f.File, f.FolderLink, f.Written, f.Length, Relative: Path.GetRelativePath(root, f.File).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        foreach (var link in entries.Where(f => f.FolderLink && !IsHidden(f.Relative)))
        {
            context.Error(EngineCodes.FolderLink, new SourcePosition(DisplayPaths.Of(displayRoot, link.File), 1, 1),
                $"is a symbolic link to the folder '{LinkTarget(link.File)}'; folder links are not followed (they can loop or reach outside the site): put the folder itself here, or link its files one by one");
        }

        var files = entries.Where(f => !f.FolderLink && include(f.Relative)).ToList();
        var links = new SymbolicLinks(folder);
        var read = ParallelMap.Run(files, context.CancellationToken, f =>
        {
            if (snapshot?.Find(root, readContent, f.File, f.Written, f.Length) is { } known)
                return known;
            var doc = Read(f.File, f.Relative, f.Length, links, context);
            if (doc is not null)
                snapshot?.Keep(root, readContent, f.File, f.Written, f.Length, doc);
            return doc;
        });
        snapshot?.KeepOnly(root, readContent, files.Select(f => f.File).ToHashSet(StringComparer.Ordinal));
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. read.OfType<Document>()]);
    }

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

    /// A text file as strict UTF-8 without its byte order mark; throws
    /// <see cref="DecoderFallbackException"/> on a bad byte.
    public static string ReadText(string file)
    {
        var text = StrictUtf8.GetString(File.ReadAllBytes(file));
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// The line and column (in characters, after a byte order mark) of the byte at
    /// <paramref name="index"/>, which the decoder reports as an offset editors cannot find.
    private static (int Line, int Column, byte Value) BadByte(string file, int index)
    {
        var bytes = File.ReadAllBytes(file);
        index = Math.Clamp(index, 0, Math.Max(0, bytes.Length - 1));
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, index - 1), index) + 1;
        var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
        if (lineStart == 0 && bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            lineStart = Math.Min(3, index);
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, index - lineStart) + 1, bytes.Length == 0 ? (byte)0 : bytes[index]);
    }

    private Document? Read(string file, string relative, long length, SymbolicLinks links, BuildContext context)
    {
        var display = DisplayPaths.Of(displayRoot, file);
        var doc = new Document { Source = display, SourceFile = file }.With(RelativePathKey, relative);
        if (links.OutsideTarget(file) is { } target)
        {
            context.Error(EngineCodes.LinkOutsideFolder, new SourcePosition(display, 1, 1),
                $"is a symbolic link to '{target}', outside {DisplayPaths.Of(displayRoot, folder)}/; copy the file into the folder instead");
            return null;
        }

        if (limit is { } max && length > max.Bytes)
        {
            context.Error(EngineCodes.FileTooLarge, new SourcePosition(display, 1, 1), max.Explain(length));
            return null;
        }

        if (!readContent)
            return doc;
        try
        {
            return doc with { Content = ReadText(file) };
        }
        catch (DecoderFallbackException e)
        {
            var (line, column, value) = BadByte(file, e.Index);
            context.Error(EngineCodes.UnreadableFile, new SourcePosition(display, line, column),
                $"is not valid UTF-8 text (byte 0x{value:X2} here is not UTF-8); save the file as UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error(EngineCodes.UnreadableFile, new SourcePosition(display, 1, 1), $"cannot be read: {e.Message}");
        }

        return null;
    }
}
