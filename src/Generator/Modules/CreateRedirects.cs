using System.Text;
using System.Text.Encodings.Web;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// The old addresses of moved pages (front matter `aliases:`, issue 20): a small page at
/// each, in the moved page's language, that sends the reader on (meta refresh, a visible
/// link, rel=canonical to the new address, noindex), and `_redirects`, the same map for
/// hosts that read one (Netlify, Cloudflare Pages) as permanent redirects. An alias that is
/// the address of a page, or of another page's alias, is an error naming both files, and
/// gets no redirect page.
public sealed class CreateRedirects(IReadOnlyList<string> pagePipelines) : IModule
{
    public const string MapFile = "_redirects";

    private sealed record Moved(string Url, string Lang, string Title, string? Source, IReadOnlyList<AliasEntry> Aliases);

    private sealed record Page(string Destination, string? Source);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var moved = context.OutputsOf(nameof(Pipelines.Content), "CreateRedirects.Moved", MovedOf).OfType<Moved>()
            .OrderBy(m => m.Source, StringComparer.Ordinal).ToList();
        if (moved.Count == 0)
            return Task.FromResult(inputs);

        var pages = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var page in pagePipelines.SelectMany(p => context.OutputsOf(p, "CreateRedirects.Page", PageOf)).OfType<Page>())
            pages.TryAdd(page.Destination, page);

        var site = SiteData.Site(context);
        var theme = SiteData.Theme(context);
        var outputs = new List<Document>(inputs);
        var taken = new Dictionary<string, (Moved Page, AliasEntry Alias)>(StringComparer.Ordinal);
        var map = new List<(string From, string To)>();
        foreach (var page in moved)
        {
            foreach (var alias in page.Aliases)
            {
                var destination = SitePaths.Destination(alias.Path);
                if (pages.TryGetValue(destination, out var existing))
                {
                    context.Error(DiagnosticCodes.AliasCollision, alias.At, existing.Source == page.Source
                        ? $"alias '{alias.Path}' is this page's own address; remove it"
                        : $"alias '{alias.Path}' is the address of {existing.Source ?? "the generated page " + destination}; an old address must be free: remove the alias, or move that page");
                    continue;
                }

                if (taken.TryGetValue(destination, out var first))
                {
                    context.Error(DiagnosticCodes.AliasCollision, alias.At, first.Page.Source == page.Source
                        ? $"alias '{alias.Path}' is listed twice in this file (also at {first.Alias.At}); remove one"
                        : $"alias '{alias.Path}' is also an alias of {first.Page.Source} ({first.Alias.At}); an old address can lead to one page only: keep it in one of the two files");
                    continue;
                }

                taken.Add(destination, (page, alias));
                map.Add((site.Href(alias.Path), site.Href(page.Url)));
                if (Redirect(page, site, theme, context) is { } html)
                    outputs.Add(new Document { Source = page.Source, Destination = destination, Content = html }.With(Keys.Lang, page.Lang));
            }
        }

        if (map.Count > 0)
        {
            var text = new StringBuilder("# Old addresses of moved pages (front matter aliases), for hosts that read this file.\n");
            foreach (var (from, to) in map.OrderBy(m => m.From, StringComparer.Ordinal))
                text.Append(from).Append(' ').Append(to).Append(" 301\n");
            outputs.Add(new Document { Destination = MapFile, Content = text.ToString() });
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    private static Moved? MovedOf(Document doc) =>
        doc.Get<FrontMatter>(Keys.FrontMatter) is { Aliases.Length: > 0 } matter && doc.Get<string>(Keys.Url) is { } url
            ? new Moved(url, doc.Require<string>(Keys.Lang), matter.Title ?? url, doc.Source, matter.Aliases)
            : null;

    private static Page? PageOf(Document doc) =>
        doc.Destination.EndsWith(".html", StringComparison.Ordinal) ? new Page(doc.Destination, doc.Source) : null;

    /// The page at an old address, in the moved page's language; null when the theme lacks its
    /// strings (reported). No stylesheet: the browser leaves at once, and a request it would
    /// abort on leaving is only noise; the theme's icon, or the browser asks for /favicon.ico.
    private static string? Redirect(Moved page, SiteConfig site, Theme.Theme theme, BuildContext context)
    {
        var strings = theme.StringsFor(page.Lang);
        const string where = "on the redirect page at an old address (front matter aliases)";
        if (strings.Used("redirect_title", where, context) is not { } title || strings.Used("redirect_text", where, context) is not { } sentence)
            return null;
        var encoder = Theme.Theme.Encoder;
        var href = encoder.Encode(site.Href(page.Url));
        var link = $"<a href=\"{href}\">{encoder.Encode(page.Title)}</a>";
        var body = encoder.Encode(sentence).Replace(encoder.Encode("{link}"), link, StringComparison.Ordinal);
        return $"""
            <!DOCTYPE html>
            <html lang="{encoder.Encode(page.Lang)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{encoder.Encode(title.Replace("{title}", page.Title, StringComparison.Ordinal))}</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="{encoder.Encode(site.AbsoluteUrl(page.Url))}">
            <meta http-equiv="refresh" content="0; url={href}">
            <link rel="icon" href="{encoder.Encode(site.Href("/assets/images/icon.svg"))}" type="image/svg+xml">
            </head>
            <body>
            <main class="container redirect" id="main">
            <p>{body}</p>
            </main>
            </body>
            </html>

            """;
    }
}
