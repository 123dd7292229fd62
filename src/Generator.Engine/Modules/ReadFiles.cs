using System.Text;

namespace Generator.Engine.Modules;

/// Reads the files under <paramref name="folder"/> that <paramref name="include"/> accepts
/// (given their path relative to the folder, '/' separators), in ordinal path order.
/// Text files are decoded as strict UTF-8; with <paramref name="readContent"/> false the
/// documents carry only the path, for files that are copied as they are.
public sealed class ReadFiles(string folder, string displayRoot, Func<string, bool> include, bool readContent = true) : IModule
{
    public const string RelativePathKey = "relative_path";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        if (!Directory.Exists(folder))
            return Task.FromResult(inputs);

        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Select(file => (file, relative: Path.GetRelativePath(root, file).Replace('\\', '/')))
            .Where(f => include(f.relative))
            .OrderBy(f => f.relative, StringComparer.Ordinal)
            .ToList();

        var links = new SymbolicLinks(folder);
        var read = ParallelMap.Run(files, context.CancellationToken, f => Read(f.file, f.relative, links, context));
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. read.OfType<Document>()]);
    }

    private Document? Read(string file, string relative, SymbolicLinks links, BuildContext context)
    {
        var display = DisplayPaths.Of(displayRoot, file);
        var doc = new Document { Source = display, SourceFile = file }.With(RelativePathKey, relative);
        if (links.OutsideTarget(file) is { } target)
        {
            context.Error(EngineCodes.LinkOutsideFolder, new SourcePosition(display, 1, 1),
                $"is a symbolic link to '{target}', outside {DisplayPaths.Of(displayRoot, folder)}/; copy the file into the folder instead");
            return null;
        }

        if (!readContent)
            return doc;
        try
        {
            var text = StrictUtf8.GetString(File.ReadAllBytes(file));
            return doc with { Content = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text };
        }
        catch (DecoderFallbackException e)
        {
            context.Error(EngineCodes.UnreadableFile, new SourcePosition(display, 1, 1),
                $"is not valid UTF-8 text (bad byte at offset {e.Index}); save the file as UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error(EngineCodes.UnreadableFile, new SourcePosition(display, 1, 1), $"cannot be read: {e.Message}");
        }

        return null;
    }
}
