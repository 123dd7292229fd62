using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Site;

namespace Generator.Modules;

/// Gives each Markdown file its language (top folder), kind, URL, destination and default
/// translation key. Files outside a language folder are reported and left out.
public sealed class ClassifyPages : DocumentModule
{
    protected override Document? Execute(Document input, BuildContext context) => Classify(input, context);

    private static Document? Classify(Document doc, BuildContext context)
    {
        var site = SiteData.Site(context);
        var relative = doc.Require<string>(ReadFiles.RelativePathKey);
        var slash = relative.IndexOf('/');
        var lang = slash < 0 ? "" : relative[..slash];
        if (site.Find(lang) is null)
        {
            context.Warning(DiagnosticCodes.StrayContentFile, doc.At(),
                $"is not in a language folder and is not published; move it under {string.Join(" or ", site.Languages.Select(l => $"input/{l.Code}/"))}");
            return null;
        }

        var inLanguage = relative[(slash + 1)..];
        var kind = inLanguage == "index.md" ? PageKind.Home
            : inLanguage.StartsWith("topics/", StringComparison.Ordinal) && inLanguage.Count(c => c == '/') >= 2 ? PageKind.Topic
            : PageKind.Page;
        var url = SitePaths.PageUrl(lang, inLanguage);
        return doc.With([
            new(Keys.Lang, lang),
            new(Keys.Kind, kind),
            new(Keys.Url, url),
            new(Keys.TranslationKey, inLanguage[..^3]),
        ]) with { Destination = SitePaths.Destination(url) };
    }
}
