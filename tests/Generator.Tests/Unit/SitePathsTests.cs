using Generator.Site;

namespace Generator.Tests.Unit;

public sealed class SitePathsTests
{
    [Theory]
    [InlineData("en", "topics/2022/human-security.md", "/en/topics/2022/human-security/")]
    [InlineData("ja", "index.md", "/ja/")]
    [InlineData("en", "about/index.md", "/en/about/")]
    public void Pages_get_pretty_urls(string lang, string relative, string expected) =>
        Assert.Equal(expected, SitePaths.PageUrl(lang, relative));

    // Issue 13: one place encodes every href and absolute URL; encoding twice changes nothing.
    [Theory]
    [InlineData("/en/about us/", "/en/about%20us/")]
    [InlineData("/ja/日本語/", "/ja/%E6%97%A5%E6%9C%AC%E8%AA%9E/")]
    [InlineData("/en/😀/", "/en/%F0%9F%98%80/")]
    [InlineData("/en/a%20b/?q=1#top", "/en/a%20b/?q=1#top")]
    [InlineData("/en/x'y(z)/", "/en/x'y(z)/")]
    [InlineData("/en/a\"b<c>/", "/en/a%22b%3Cc%3E/")]
    public void Paths_are_percent_encoded_once(string path, string expected)
    {
        Assert.Equal(expected, SitePaths.Encode(path));
        Assert.Equal(expected, SitePaths.Encode(SitePaths.Encode(path)));
    }

    [Theory]
    [InlineData("/en/topics/2022/x/", "en/topics/2022/x/index.html")]
    [InlineData("/", "index.html")]
    [InlineData("/assets/images/a.png", "assets/images/a.png")]
    public void Site_paths_map_to_output_files(string sitePath, string expected) =>
        Assert.Equal(expected, SitePaths.Destination(sitePath));

    // Issue 13, A.18: absolute URLs are built in one place, with exactly one slash after the host.
    [Theory]
    [InlineData("https://example.org", "/assets/a.png", "https://example.org/assets/a.png", "https://example.org/assets/a.png")]
    [InlineData("https://org.github.io/repo", "assets/a.png", "https://org.github.io/repo/assets/a.png", "assets/a.png")]
    [InlineData("https://org.github.io/repo/", "/repo/assets/a.png", "https://org.github.io/repo/repo/assets/a.png", "https://org.github.io/repo/assets/a.png")]
    [InlineData("https://example.org/", "//cdn.example.net/a.png", "https://example.org/cdn.example.net/a.png", "https://cdn.example.net/a.png")]
    public void Absolute_urls_join_the_host_and_path_with_one_slash(string baseUrl, string path, string fromSitePath, string fromHref)
    {
        var site = SiteConfig.Default with { BaseUrl = new Uri(baseUrl) };

        Assert.Equal(fromSitePath, site.AbsoluteUrl(path));
        Assert.Equal(fromHref, site.AbsoluteHref(path));
    }

    [Theory]
    [InlineData("/en/topics/2022/other/", "/en/topics/2022/other/", "")]
    [InlineData("../../2021/older/", "/en/topics/2021/older/", "")]
    [InlineData("../other/#part", "/en/topics/2022/other/", "#part")]
    [InlineData("../2021/older.md", "/en/topics/2021/older/", "")]
    [InlineData("/assets/images/2022/a%20b.png?v=1", "/assets/images/2022/a b.png", "?v=1")]
    public void Links_resolve_from_the_root_the_page_url_or_the_source_file(string href, string target, string suffix)
    {
        var resolved = SitePaths.Resolve(href, "/en/topics/2022/links/", "en/topics/2022/links.md");

        Assert.Equal(new ResolvedLink(target, suffix), resolved);
    }

    [Theory]
    [InlineData("https://example.org/")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("//cdn.example.org/x.js")]
    [InlineData("#top")]
    public void External_links_and_fragments_are_left_alone(string href) =>
        Assert.Null(SitePaths.Resolve(href, "/en/a/", "en/a.md"));

    [Fact]
    public void A_link_above_the_site_root_resolves_to_no_target() =>
        Assert.Null(SitePaths.Resolve("../../../../etc/passwd", "/en/a/", "en/a.md")!.Target);
}
