using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

/// Each topic's citation as BibTeX and RIS files beside its page (issue 20), made from the
/// same <see cref="Citation"/> as the page's Cite box, so the two never disagree.
public sealed class CreateCitationFiles(SiteConfig site, Theme.Theme theme) : IModule
{
    private sealed record Cited(string Url, Citation Citation);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var outputs = new List<Document>(inputs);
        foreach (var cited in context.OutputsOf(nameof(Pipelines.Content), "CreateCitationFiles.Cited", CitedOf).OfType<Cited>()
                     .OrderBy(c => c.Url, StringComparer.Ordinal))
        {
            outputs.Add(new Document { Destination = SitePaths.Destination(CitationFiles.BibPath(cited.Url)), Content = CitationFiles.BibTeX(cited.Citation) });
            outputs.Add(new Document { Destination = SitePaths.Destination(CitationFiles.RisPath(cited.Url)), Content = CitationFiles.Ris(cited.Citation) });
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    private Cited? CitedOf(Document doc)
    {
        if (doc.Get<FrontMatter>(Keys.FrontMatter) is not { } matter || doc.Get<string>(Keys.Url) is not { } url || doc.Get<string>(Keys.Lang) is not { } lang)
            return null;
        return Citation.Of(matter, doc.Get<PageKind>(Keys.Kind), lang, url, site, theme.StringsFor(lang)) is { } citation
            ? new Cited(url, citation)
            : null;
    }
}
