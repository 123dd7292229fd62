using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

/// Each topic's citation as BibTeX and RIS files beside its page (issue 20), made from the
/// same <see cref="Citation"/> as the page's Cite box, so the two never disagree.
public sealed class CreateCitationFiles : IModule
{
    /// What a citation is made of besides the settings and strings (a selection depends on the page alone).
    private sealed record Cited(string Url, string Lang, PageKind Kind, FrontMatter Matter);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var site = SiteData.Site(context);
        var theme = SiteData.Theme(context);
        var outputs = new List<Document>(inputs);
        foreach (var cited in context.OutputsOf(nameof(Pipelines.Content), "CreateCitationFiles.Cited", CitedOf).OfType<Cited>()
                     .OrderBy(c => c.Url, StringComparer.Ordinal))
        {
            var strings = theme.StringsFor(cited.Lang);
            if (Citation.Of(cited.Matter, cited.Kind, cited.Lang, cited.Url, site, strings) is not { } citation)
                continue;
            var note = CitationFiles.UpdatedNote(citation, strings, context);
            outputs.Add(new Document { Destination = SitePaths.Destination(CitationFiles.BibPath(cited.Url)), Content = CitationFiles.BibTeX(citation, note) });
            outputs.Add(new Document { Destination = SitePaths.Destination(CitationFiles.RisPath(cited.Url)), Content = CitationFiles.Ris(citation, note) });
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    private static Cited? CitedOf(Document doc) =>
        doc.Get<FrontMatter>(Keys.FrontMatter) is { } matter && doc.Get<string>(Keys.Url) is { } url && doc.Get<string>(Keys.Lang) is { } lang
            ? new Cited(url, lang, doc.Get<PageKind>(Keys.Kind), matter)
            : null;
}
