using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Modules;

/// A file in a language folder that is not Markdown is not published: says so (a file put
/// next to its topic would otherwise vanish without a word) and drops it. Photos (JPEG, PNG,
/// WebP) there are read by the Assets pipeline instead, which publishes the ones a page shows.
public sealed class ReportNonMarkdown : IModule
{
    /// Also said by the Assets pipeline of a photo in a language folder that no page shows
    /// (photos there are its files: a page may show them, and they are published as derivatives).
    public const string NotPublished = "is not a Markdown (.md) file and is not published; put photos and other files under input/assets/";

    public static bool IsMarkdown(string relativePath) =>
        relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var pages = new List<Document>(inputs.Count);
        foreach (var doc in inputs)
        {
            if (IsMarkdown(doc.Require<string>(ReadFiles.RelativePathKey)))
                pages.Add(doc);
            else
                context.Warning(DiagnosticCodes.NotMarkdown, doc.At(), NotPublished);
        }

        return Task.FromResult<IReadOnlyList<Document>>(pages);
    }
}
