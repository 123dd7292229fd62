using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// The root page: links to each language's home, and a small script that follows the
/// reader's browser language.
public sealed class CreateLanguageChooser : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var site = SiteData.Site(context);
        var chooser = new Document { Destination = SitePaths.Destination("/") }.With([
            new(Keys.Lang, site.DefaultLanguage),
            new(Keys.Kind, PageKind.Generated),
            new(Keys.Url, "/"),
            new(Keys.Layout, "chooser"),
            new(Keys.Title, string.Join(" / ", site.Languages.Select(l => l.Title))),
        ]);
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, chooser]);
    }
}
