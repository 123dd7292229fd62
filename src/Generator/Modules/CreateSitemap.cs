using System.Text;
using System.Xml;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// sitemap.xml lists every HTML page but the search pages (noindex: a results page is not
/// content), each with xhtml:link alternates for itself, the translations that exist (never
/// for missing ones) and x-default (the root chooser), as the pages declare; robots.txt
/// points at it.
public sealed class CreateSitemap(IReadOnlyList<string> pipelines) : IModule
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        // What the sitemap shows of a page, so that a page's title or text changing does not make it again.
        var site = SiteData.Site(context);
        var pages = pipelines.SelectMany(p => context.OutputsOf(p, nameof(CreateSitemap), EntryOf))
            .OfType<Entry>()
            .OrderBy(e => e.Url, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in pages)
                WriteUrl(xml, page, site);
            xml.WriteEndElement();
        }

        var sitemap = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text.ToString().Replace("\r\n", "\n") + "\n";
        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {site.AbsoluteUrl("/sitemap.xml")}\n";
        return Task.FromResult<IReadOnlyList<Document>>(
        [
            .. inputs,
            new Document { Destination = "sitemap.xml", Content = sitemap },
            new Document { Destination = "robots.txt", Content = robots },
        ]);
    }

    /// A page's entry: its address, language, date and the translations that exist; none
    /// for a page that is not an HTML page at a folder address, and for a search page.
    private static Entry? EntryOf(Document page) =>
        page.Destination.EndsWith(".html", StringComparison.Ordinal) && page.Get<string>(Keys.Url) is { } url && url.EndsWith('/')
            && page.Get<Theme.SearchView>(Keys.Search) is null
            ? new Entry(url, page.Require<string>(Keys.Lang), page.Get<FrontMatter>(Keys.FrontMatter)?.Modified,
                [.. (page.Get<Translations>(Keys.Translations)?.Existing ?? []).Select(t => (t.Lang, t.Url))])
            : null;

    private sealed record Entry(string Url, string Lang, DateOnly? Date, IReadOnlyList<(string Lang, string Url)> Translations);

    private static void WriteUrl(XmlWriter xml, Entry page, SiteConfig site)
    {
        xml.WriteStartElement("url", SitemapNamespace);
        XmlValues.Element(xml, "loc", SitemapNamespace, site.AbsoluteUrl(page.Url));
        if (page.Date is { } date)
            XmlValues.Element(xml, "lastmod", SitemapNamespace, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (page.Translations.Count > 0)
        {
            Alternate(xml, page.Lang, site.AbsoluteUrl(page.Url));
            foreach (var (lang, url) in page.Translations)
                Alternate(xml, lang, site.AbsoluteUrl(url));
            Alternate(xml, "x-default", site.AbsoluteUrl("/"));
        }

        xml.WriteEndElement();
    }

    private static void Alternate(XmlWriter xml, string lang, string href)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
        XmlValues.Attribute(xml, "rel", "alternate");
        XmlValues.Attribute(xml, "hreflang", lang);
        XmlValues.Attribute(xml, "href", href);
        xml.WriteEndElement();
    }
}
