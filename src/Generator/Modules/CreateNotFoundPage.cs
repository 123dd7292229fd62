using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// /404.html at the site root, in every language at once: static hosts (GitHub Pages)
/// serve it for any missing address, so its links are all root-relative.
public sealed class CreateNotFoundPage : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var theme = SiteData.Theme(context);
        var site = SiteData.Site(context);
        if (theme.FindLayout("notfound") is null)
            return Task.FromResult(inputs);
        var title = string.Join(" / ", site.Languages.Select(l => theme.StringsFor(l.Code)["not_found_title"]));
        var page = new Document { Destination = "404.html" }.With([
            new(Keys.Lang, site.DefaultLanguage),
            new(Keys.Kind, PageKind.Generated),
            new(Keys.Url, "/404.html"),
            new(Keys.Layout, "notfound"),
            new(Keys.Title, title),
        ]);
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, page]);
    }
}
