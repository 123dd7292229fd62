using System.Xml.Linq;

namespace Generator.Tests.Integration;

// Issue 3: Atom feeds, sitemap.xml, robots.txt and the root 404 page.
public sealed class FeedAndSitemapTests(ListSite fixture) : IClassFixture<ListSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private readonly TestSite site = fixture.Site;

    [Theory]
    [InlineData("en", 4, "2022-09-20T00:00:00Z")]
    [InlineData("ja", 2, "2022-12-01T00:00:00Z")]
    public void Each_language_has_an_Atom_feed_with_every_required_element(string lang, int entries, string updated)
    {
        var feed = XDocument.Parse(site.Read($"{lang}/feed.xml")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(lang, (string?)feed.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal($"https://org.github.io/repo/{lang}/feed.xml", feed.Element(Atom + "id")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")?.Value));
        // The newest topic's date, not the clock: two builds stay byte-identical.
        Assert.Equal(updated, feed.Element(Atom + "updated")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self"
            && (string?)l.Attribute("href") == $"https://org.github.io/repo/{lang}/feed.xml");
        Assert.Equal(entries, feed.Elements(Atom + "entry").Count());
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var name in new[] { "id", "title", "updated", "summary" })
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + name)?.Value), $"entry without {name}: {entry}");
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
            var link = (string?)entry.Element(Atom + "link")?.Attribute("href");
            Assert.StartsWith($"https://org.github.io/repo/{lang}/topics/", link);
            Assert.True(site.Exists(link!["https://org.github.io/repo/".Length..] + "index.html"), $"{link} is not in the output");
        }
    }

    [Fact]
    public void The_sitemap_lists_every_page_with_alternates_only_for_existing_translations()
    {
        var urls = XDocument.Parse(site.Read("sitemap.xml")).Root!.Elements(Sitemap + "url")
            .ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Elements(Xhtml + "link").Select(l => $"{l.Attribute("hreflang")!.Value} {l.Attribute("href")!.Value}").ToList());
        const string root = "https://org.github.io/repo/";

        // Issue 15: search pages (noindex) stay out; alternates end with the x-default every page declares.
        var pages = site.Files().Where(f => f.EndsWith("index.html", StringComparison.Ordinal) && !f.Contains("/search/", StringComparison.Ordinal))
            .Select(f => root + f[..^"index.html".Length]).ToList();
        Assert.Contains(site.Files(), f => f == "en/search/index.html");
        Assert.Equal(pages.Order(StringComparer.Ordinal), urls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([$"en {root}en/topics/2022/a/", $"ja {root}ja/topics/2022/a/", $"x-default {root}"], urls[$"{root}en/topics/2022/a/"]);
        Assert.Equal([$"ja {root}ja/tags/water/", $"en {root}en/tags/water/", $"x-default {root}"], urls[$"{root}ja/tags/water/"]);
        Assert.Empty(urls[$"{root}en/topics/2022/b/"]);
        Assert.Empty(urls[$"{root}ja/topics/2022/jaonly/"]);
        Assert.Empty(urls[$"{root}en/about/"]);
        Assert.DoesNotContain($"{root}404.html", urls.Keys);
    }

    [Fact]
    public void Search_pages_ask_not_to_be_indexed_and_other_pages_do_not()
    {
        site.AssertFile("en/search/index.html", """<meta name="robots" content="noindex">""");
        site.AssertFile("en/topics/2022/a/index.html", """! <meta name="robots" """);
    }

    [Fact]
    public void Robots_txt_points_at_the_sitemap() =>
        site.AssertFile("robots.txt", """
            User-agent: *
            Sitemap: https://org.github.io/repo/sitemap.xml
            """);

    [Fact]
    public void The_root_404_page_speaks_both_languages_with_links_that_work_from_any_address()
    {
        site.AssertFile("404.html", """
            <span lang="en">Page not found</span>
            <span lang="ja">ページが見つかりません</span>
            <section lang="ja"
            <a href="/repo/ja/" hreflang="ja">日本語のトップページへ</a>
            <a href="/repo/en/topics/" hreflang="en">All topics</a>
            <link rel="stylesheet" href="/repo/assets/css/site.css">
            """);
    }
}
