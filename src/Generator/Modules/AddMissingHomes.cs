using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Site;

namespace Generator.Modules;

/// Every language gets a home page: one without input/&lt;lang&gt;/index.md gets a page
/// with the language's site title and no introduction. That is a valid site (the
/// benchmark corpora have no index.md), so it is not reported.
public sealed class AddMissingHomes : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var site = SiteData.Site(context);
        var withHome = inputs.Where(d => d.Get<PageKind>(Keys.Kind) == PageKind.Home)
            .Select(d => d.Require<string>(Keys.Lang))
            .ToHashSet(StringComparer.Ordinal);
        var added = new List<Document>();
        foreach (var language in site.Languages.Where(l => !withHome.Contains(l.Code)))
        {
            var url = SitePaths.PageUrl(language.Code, "index.md");
            added.Add(new Document { Destination = SitePaths.Destination(url), Content = "" }.With([
                new(ReadFiles.RelativePathKey, $"{language.Code}/index.md"),
                new(Keys.Lang, language.Code),
                new(Keys.Kind, PageKind.Home),
                new(Keys.Url, url),
                new(Keys.TranslationKey, "index"),
                new(Keys.FrontMatter, new FrontMatter { Title = language.Title }),
                new(Keys.Markdown, ""),
            ]));
        }

        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. added]);
    }
}
