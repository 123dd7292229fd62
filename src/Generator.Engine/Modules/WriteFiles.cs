using System.Buffers;
using System.Text;

namespace Generator.Engine.Modules;

/// Writes each document with a destination into the build's output folder: its content
/// as UTF-8, or a copy of its source file when it has no content. A destination that
/// would leave the output folder is refused. The documents <paramref name="link"/> accepts
/// have a source file that is never changed in place (a cache's): they are written as hard
/// links to it where both folders are on one file system (no bytes copied), else copied.
/// Every other file goes through the build's written-files cache when it has one: a link to
/// the entry with the same bytes (<see cref="WrittenFiles"/>).
public sealed class WriteFiles(Func<Document, bool>? link = null) : IModule
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var root = Path.GetFullPath(context.OutputFolder);
        var rootWithSlash = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        // Most pages have a folder of their own, but assets share theirs: each folder is
        // made once, not once per file (a stat call per file at 10,000 topics).
        var made = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        Parallel.ForEach(inputs.Where(d => d.Destination.Length > 0), new ParallelOptions { CancellationToken = context.CancellationToken }, doc =>
        {
            var target = Path.GetFullPath(Path.Combine(root, doc.Destination));
            if (!target.StartsWith(rootWithSlash, StringComparison.Ordinal))
            {
                context.Error(EngineCodes.OutputWrite, doc.At(), $"destination '{doc.Destination}' is outside the output folder");
                return;
            }

            try
            {
                // A second thread asking while the first creates the folder creates it too
                // (harmless), so no file is written before its folder exists.
                made.GetOrAdd(Path.GetDirectoryName(target)!, folder => Directory.CreateDirectory(folder).Exists);
                if (doc.Content is { } text)
                    Write(text, target, context.Written);
                else if (doc.SourceFile is { } source && !(link?.Invoke(doc) == true && HardLinks.TryCreate(source, target)))
                    Copy(source, target, context.Written);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error(EngineCodes.OutputWrite, doc.At(), $"cannot write '{doc.Destination}': {e.Message}");
            }
        });
        return Task.FromResult(inputs);
    }

    private static void Write(string text, string target, WrittenFiles.Use? written)
    {
        if (written is null)
        {
            File.WriteAllText(target, text, Utf8);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8.GetBytes(text, buffer);
            if (!written.TryPlace(buffer.AsMemory(0, length), target))
                File.WriteAllBytes(target, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Copy(string source, string target, WrittenFiles.Use? written)
    {
        if (written is not null && new FileInfo(source).Length <= WrittenFiles.LargestCopied)
        {
            var bytes = File.ReadAllBytes(source);
            if (!written.TryPlace(bytes, target))
                File.WriteAllBytes(target, bytes);
            return;
        }

        HardLinks.CopyAsNew(source, target);
    }
}
