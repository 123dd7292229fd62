using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Site;

namespace Generator.Modules;

/// Every language gets a home page: one without input/&lt;lang&gt;/index.md gets a page
/// with the language's site title and no introduction, and a warning.
public sealed class AddMissingHomes(SiteConfig site) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var withHome = inputs.Where(d => d.Get<PageKind>(Keys.Kind) == PageKind.Home)
            .Select(d => d.Require<string>(Keys.Lang))
            .ToHashSet(StringComparer.Ordinal);
        var added = new List<Document>();
        foreach (var language in site.Languages.Where(l => !withHome.Contains(l.Code)))
        {
            var path = $"input/{language.Code}/index.md";
            context.Warning(DiagnosticCodes.MissingHomePage, new SourcePosition(path, 0, 0),
                "does not exist, so the home page has no introduction; create it with a title and a few sentences");
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
