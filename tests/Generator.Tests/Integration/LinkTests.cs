namespace Generator.Tests.Integration;

// Issue 2: links resolve from the site root or relative to the page, are rewritten for
// base_url, and a target that does not exist is reported at its Markdown position.
public sealed class LinkTests
{
    private const string Site = """
        -- input/site.yml --
        base_url: "https://org.github.io/repo/"
        languages: [en, ja]
        -- input/assets/images/2022/photo.png --
        png 40x30
        -- input/en/topics/2022/other.md --
        ---
        title: Other
        summary: S
        date: 2022-01-01
        ---
        -- input/en/topics/2021/older.md --
        ---
        title: Older
        summary: S
        date: 2021-01-01
        ---
        ## Part

        """;

    [Fact]
    public void Base_url_with_a_path_prefixes_every_link_asset_and_alternate()
    {
        using var site = TestSite.Build(Site + """
            -- input/en/topics/2022/links.md --
            ---
            title: Links
            summary: S
            date: 2022-01-01
            images:
              - src: /assets/images/2022/photo.png
                alt: A photo
            ---
            [root](/en/topics/2022/other/) [relative](../../2021/older/) [file](../2021/older.md#part)
            [sibling](../other/) [external](https://example.com/x) [fragment](#top)
            ![inline](../../../../assets/images/2022/photo.png)
            """);

        site.AssertFile("en/topics/2022/links/index.html", """
            <a href="/repo/en/topics/2022/other/">root</a>
            <a href="/repo/en/topics/2021/older/">relative</a>
            <a href="/repo/en/topics/2021/older/#part">file</a>
            <a href="/repo/en/topics/2022/other/">sibling</a>
            <a href="https://example.com/x">external</a>
            <a href="#top">fragment</a>
            <img src="/repo/assets/images/2022/photo-40w.png" srcset="/repo/assets/images/2022/photo-40w.png 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))" alt="inline"
            <img src="/repo/assets/images/2022/photo-40w.png" srcset="/repo/assets/images/2022/photo-40w.png 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))" alt="A photo"
            <link rel="stylesheet" href="/repo/assets/css/site.css">
            <link rel="canonical" href="https://org.github.io/repo/en/topics/2022/links/">
            <link rel="alternate" hreflang="x-default" href="https://org.github.io/repo/">
            <a class="site-title" href="/repo/en/">
            <a href="/repo/ja/" hreflang="ja" lang="ja">日本語</a>
            """);
        site.AssertFile("index.html", """
            <a href="/repo/en/" hreflang="en" lang="en">English</a>
            <script src="/repo/assets/js/choose-language.js" defer></script>
            """);
    }

    [Fact]
    public void The_command_line_base_url_overrides_site_yml()
    {
        using var site = TestSite.Create(Site);
        site.Rebuild(baseUrl: "https://example.net/docs/");

        site.AssertFile("en/topics/2022/other/index.html", """
            <link rel="canonical" href="https://example.net/docs/en/topics/2022/other/">
            <link rel="stylesheet" href="/docs/assets/css/site.css">
            """);
    }

    [Fact]
    public void Broken_links_and_missing_images_are_reported_at_their_markdown_position()
    {
        using var site = TestSite.Build(Site + """
            -- input/en/topics/2022/broken.md --
            ---
            title: Broken
            summary: S
            date: 2022-01-01
            image: /assets/images/2022/cover.png
            ---
            See [the other topic](/en/topics/2022/othr/).

            Also ![a photo](/assets/images/2022/foto.png) and [up](../../../../../../etc/passwd).
            """);

        site.AssertDiagnostic("input/en/topics/2022/broken.md(5,8): error GEN021: no image at '/assets/images/2022/cover.png'");
        site.AssertDiagnostic("input/en/topics/2022/broken.md(7,5): error GEN020: no page or file at '/en/topics/2022/othr/' (resolved to /en/topics/2022/othr/); did you mean '/en/topics/2022/other/'?");
        site.AssertDiagnostic("input/en/topics/2022/broken.md(9,6): error GEN021: no image at '/assets/images/2022/foto.png'");
        site.AssertDiagnostic("input/en/topics/2022/broken.md(9,51): error GEN022: '../../../../../../etc/passwd' climbs above the site root");
    }
}
