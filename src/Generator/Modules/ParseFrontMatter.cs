using System.Globalization;
using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Modules;

/// Reads and validates each page's front matter. A page with errors stays in the build
/// (so links to it still resolve) while its diagnostics fail the build.
public sealed class ParseFrontMatter(FrontMatterReader reader, bool includeDrafts) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
        Task.FromResult(ParallelMap.Documents(inputs, context, doc => Parse(doc, context)));

    private Document? Parse(Document doc, BuildContext context)
    {
        var diagnostics = new List<Diagnostic>();
        var kind = doc.Require<PageKind>(Keys.Kind);
        var matter = reader.Read(doc.Source!, doc.Content ?? "", kind, diagnostics);
        foreach (var diagnostic in diagnostics)
            context.Report(diagnostic);
        if (matter.Draft && !includeDrafts)
            return null;

        if (kind == PageKind.Topic && matter.Edition is null && EditionFromFolder(doc) is { } edition)
            matter = matter with { Edition = edition };
        var translationKey = matter.TranslationKey ?? doc.Require<string>(Keys.TranslationKey);
        return doc.With([
            new(Keys.FrontMatter, matter),
            new(Keys.TranslationKey, translationKey),
            new(Keys.Markdown, doc.Content),
        ]);
    }

    /// topics/2022/x.md belongs to the 2022 edition unless its front matter says otherwise.
    private static int? EditionFromFolder(Document doc)
    {
        var parts = doc.Require<string>(Engine.Modules.ReadFiles.RelativePathKey).Split('/');
        return parts.Length >= 4 && parts[2].Length == 4
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : null;
    }
}
