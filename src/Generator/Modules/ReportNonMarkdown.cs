using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Modules;

/// A file in a language folder that is not Markdown is not published: says so (a photo
/// put next to its topic would otherwise vanish without a word) and drops it.
public sealed class ReportNonMarkdown : IModule
{
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
                context.Warning(DiagnosticCodes.NotMarkdown, doc.At(),
                    "is not a Markdown (.md) file and is not published; put photos and other files under input/assets/");
        }

        return Task.FromResult<IReadOnlyList<Document>>(pages);
    }
}
