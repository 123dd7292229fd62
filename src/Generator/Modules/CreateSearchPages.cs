using Generator.Content;
using Generator.Engine;
using Generator.Search;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

/// /&lt;lang&gt;/search/ in every language, paired like the lists. The page holds the form;
/// its script asks the language's Pagefind index. A theme without search.liquid gets no
/// search page (and the build no index). <paramref name="missingIndexer"/> names the Pagefind
/// binary a build that writes output could not find: its search page says search is
/// unavailable, and one warning says why.
public sealed class CreateSearchPages(bool indexed, string? missingIndexer) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var theme = SiteData.Theme(context);
        if (theme.FindLayout("search") is null)
            return Task.FromResult(inputs);
        if (missingIndexer is not null)
        {
            context.Warning(DiagnosticCodes.SearchNotBuilt, null,
                $"search was not built: Pagefind is not installed ({missingIndexer}); install Node.js and npm, then build again " +
                "(dotnet build runs npm ci in src/Generator/pagefind/), or pass --no-search");
        }

        var site = SiteData.Site(context);

        var pages = site.Languages.Select(language =>
        {
            var strings = theme.StringsFor(language.Code);
            var url = ListUrls.Search(language.Code);
            IReadOnlyList<CrumbView> crumbs =
            [
                new(strings["home"], site.Href($"/{language.Code}/"), site.AbsoluteUrl($"/{language.Code}/")),
                new(strings["search_title"], site.Href(url), site.AbsoluteUrl(url)),
            ];
            var others = site.Languages.Where(l => l.Code != language.Code)
                .Select(l => new TranslationLink(l.Code, ListUrls.Search(l.Code), theme.StringsFor(l.Code)["search_title"]))
                .ToList();
            return new Document { Destination = SitePaths.Destination(url) }.With([
                new(Keys.Lang, language.Code),
                new(Keys.Kind, PageKind.Generated),
                new(Keys.Url, url),
                new(Keys.Layout, "search"),
                new(Keys.Title, strings["search_title"]),
                new(Keys.Summary, strings["search_summary"]),
                new(Keys.Translations, new Translations(others, [])),
                new(Keys.Breadcrumbs, crumbs),
                new(Keys.Search, new SearchView(indexed, site.Href(SearchBundles.ManifestPath(language.Code)))),
            ]);
        });
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. pages]);
    }
}
