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
/// gets no redirect page. Aliases are checked against every file the other pipelines write
/// (<paramref name="filePipelines"/>: pages, feeds, citation files, assets, the sitemap).
public sealed partial class CreateRedirects(IReadOnlyList<string> filePipelines) : IModule
{
    public const string MapFile = "_redirects";

    private sealed record Moved(string Url, string Lang, string Title, string? Source, IReadOnlyList<AliasEntry> Aliases);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var moved = context.OutputsOf(nameof(Pipelines.Content), "CreateRedirects.Moved", MovedOf).OfType<Moved>()
            .OrderBy(m => m.Source, StringComparer.Ordinal).ToList();
        if (moved.Count == 0)
            return Task.FromResult(inputs);

        var site = SiteData.Site(context);
        var theme = SiteData.Theme(context);
        var written = new WrittenFiles(filePipelines.SelectMany(p => context.OutputsOf(p, "CreateRedirects.Written", WrittenOf)).OfType<Written>()
            .Concat(site.Pdf ? context.OutputsOf(nameof(Pipelines.Content), "CreateRedirects.Pdfs", PdfsOf).OfType<Written[]>().SelectMany(w => w) : []));
        var outputs = new List<Document>(inputs);
        // Hosts and the file systems output is copied to often ignore case: /en/Old/ and
        // /en/old/ are one folder there, so aliases collide case-insensitively too.
        var taken = new Dictionary<string, (Moved Page, AliasEntry Alias)>(StringComparer.OrdinalIgnoreCase);
        var map = new List<(string From, string To)>();
        foreach (var page in moved)
        {
            foreach (var alias in page.Aliases)
            {
                if (Misplaced(alias, page, site) is { } problem)
                {
                    context.Error(DiagnosticCodes.InvalidAlias, alias.At, problem);
                    continue;
                }

                var destination = SitePaths.Destination(alias.Path);
                if (written.Collision(destination, alias.Path, page.Source, SitePaths.Destination(page.Url)) is { } collision)
                {
                    context.Error(DiagnosticCodes.AliasCollision, alias.At, collision);
                    continue;
                }

                if (taken.TryGetValue(destination, out var first))
                {
                    context.Error(DiagnosticCodes.AliasCollision, alias.At, first.Page.Source == page.Source
                        ? $"alias '{alias.Path}' is listed twice in this file (also at {first.Alias.At}{SameIgnoringCase(first.Alias.Path, alias.Path)}); remove one"
                        : $"alias '{alias.Path}' is also an alias of {first.Page.Source} ({first.Alias.At}{SameIgnoringCase(first.Alias.Path, alias.Path)}); an old address can lead to one page only: keep it in one of the two files");
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

    private static string SameIgnoringCase(string first, string second) =>
        first == second ? "" : $" as '{first}', the same address where case is ignored";

    /// An alias a redirect page cannot serve as written: one that repeats the base path (the
    /// build adds it, so /repo/en/x/ would be published at /repo/repo/en/x/, and a move to
    /// another host would break it), or one in another language's folder (its redirect page
    /// would be in this page's language, and the other language's file is where its old
    /// address belongs), or one outside every language folder (no page is there).
    private static string? Misplaced(AliasEntry alias, Moved page, SiteConfig site)
    {
        var first = alias.Path.TrimStart('/').Split('/')[0];
        var basePath = site.BasePath;
        if (basePath.Length > 1 && alias.Path.StartsWith(basePath, StringComparison.Ordinal) && site.Find(first) is null)
        {
            return $"alias \"{alias.Path}\" starts with the base path {basePath} of base_url, which the build adds to every address; " +
                $"write it without: /{alias.Path[basePath.Length..]}";
        }

        // Outside look (issue 20): /assets/images/2022/gps.jpg got an HTML redirect page that hosts
        // serve as image/jpeg, /pagefind/pagefind.js a _redirects line. Every page's address is in
        // its language's folder, so an old address of one is too.
        if (site.Find(first) is null)
        {
            var name = site.Find(page.Lang)?.Name ?? page.Lang;
            return $"alias \"{alias.Path}\" is outside the language folders, where no page's address is (it would replace a file such as a photo, a script or a feed); " +
                $"an alias is this {name} page's old address, in its folder: write /{page.Lang}/…, such as /{page.Lang}/topics/2021/old-name/";
        }

        if (site.Find(first) is { } other && other.Code != page.Lang)
        {
            var own = site.Find(page.Lang)?.Name ?? page.Lang;
            return $"alias \"{alias.Path}\" is in the {other.Name} ({other.Code}) folder, but this page is in {own} ({page.Lang}); " +
                $"list it in the aliases of the {other.Name} translation, so its redirect leads there in its language, or write /{page.Lang}/{alias.Path.TrimStart('/')[(first.Length + 1)..]}";
        }

        return null;
    }

    private static Moved? MovedOf(Document doc) =>
        doc.Get<FrontMatter>(Keys.FrontMatter) is { Aliases.Length: > 0 } matter && doc.Get<string>(Keys.Url) is { } url
            ? new Moved(url, doc.Require<string>(Keys.Lang), matter.Title ?? url, doc.Source, matter.Aliases)
            : null;

    private static Written? WrittenOf(Document doc) =>
        doc.Destination.Length > 0 ? new Written(doc.Destination, doc.Source) : null;

    /// The PDFs `build --pdf` writes for a topic after the pages (issue 19): its own, and its
    /// edition's in its language unless site.yml names that one. An alias must not take them either.
    private static Written[]? PdfsOf(Document doc)
    {
        if (doc.Get<PageKind>(Keys.Kind) != PageKind.Topic || doc.Get<string>(Keys.Url) is not { } url)
            return null;
        var own = new Written(Pdf.PdfStep.PdfPath(url).TrimStart('/'), doc.Source);
        return doc.Get<TopicOrder>(Keys.TopicOrder)?.Edition is { } year && doc.Get<string>(Keys.Lang) is { } lang
            ? [own, new Written(Pdf.PdfStep.PdfPath(ListUrls.Edition(lang, year)).TrimStart('/'), null)]
            : [own];
    }

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
