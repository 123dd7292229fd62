using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Modules;

/// A file in a language folder that is not Markdown is not published: says so (a file put
/// next to its topic would otherwise vanish without a word) and drops it. Photos (JPEG, PNG,
/// WebP) there are read by the Assets pipeline instead, which publishes the ones a page shows.
public sealed class ReportNonMarkdown : IModule
{
    /// Photos (JPEG, PNG, WebP) may live in a language folder beside their topic, so the
    /// message sends only the other files to input/assets/.
    public const string NotPublished = "is not a Markdown (.md) file and is not published; put files other than pages and photos under input/assets/";

    /// Said by the Assets pipeline of a photo in a language folder that no page shows.
    public const string PhotoNotShown = "is a photo that no page shows or links to, so it is not published; show it on a page (images:, or a Markdown image such as ![What it shows](../well.jpg) from the topic beside it), or delete it";

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
