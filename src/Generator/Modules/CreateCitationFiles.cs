using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

/// Each topic's citation as BibTeX and RIS files beside its page (issue 20), made from the
/// same <see cref="Citation"/> as the page's Cite box, so the two never disagree. Its inputs
/// are the Content pages, each on its own: a save makes again the files of the page it changed.
public sealed class CreateCitationFiles : ExpandModule<object?>
{
    protected override object? Prepare(IReadOnlyList<Document> inputs, BuildContext context) => null;

    protected override IReadOnlyList<Document> Execute(Document doc, object? state, BuildContext context)
    {
        if (doc.Get<FrontMatter>(Keys.FrontMatter) is not { } matter || doc.Get<string>(Keys.Url) is not { } url || doc.Get<string>(Keys.Lang) is not { } lang)
            return [];
        var strings = SiteData.Strings(context, nameof(Citation), lang);
        if (Citation.Of(matter, doc.Get<PageKind>(Keys.Kind), lang, url, SiteData.Site(context), strings) is not { } citation)
            return [];
        var note = CitationFiles.UpdatedNote(citation, strings, context);
        var built = DateOnly.FromDateTime(context.BuildTime.UtcDateTime);
        return
        [
            new Document { Destination = SitePaths.Destination(CitationFiles.BibPath(url)), Content = CitationFiles.BibTeX(citation, note, built) },
            new Document { Destination = SitePaths.Destination(CitationFiles.RisPath(url)), Content = CitationFiles.Ris(citation, note, built) },
        ];
    }
}
