namespace Generator.Tests.Integration;

// Issue 15: site.yml's publisher block says whose publication the site is, on every page
// (header and footer, the 404 and the root chooser too), in JSON-LD, in the Atom feeds and
// in Open Graph; it is checked like front matter.
public sealed class PublisherTests
{
    private const string Site = """
        -- input/site.yml --
        base_url: "https://org.github.io/repo/"
        languages:
          - code: en
            name: English
            title: "White Paper Topics"
          - code: ja
            name: "日本語"
            title: "白書トピックス"
        publisher:
          name:
            en: "Ministry of Examples"
            ja: "例示省"
          url: "https://www.example.go.jp/"
          logo: /assets/images/mark.svg
          copyright:
            en: "© 2023 Ministry of Examples"
            ja: "© 2023 例示省"
          licence: { en: "Terms of use", ja: "利用規約" }
          licence_url: legal/terms
          source: { en: "White Paper 2022", ja: "2022年版白書" }
          source_url: { en: "https://www.example.go.jp/en/wp/", ja: "https://www.example.go.jp/ja/wp/" }
          links:
            - name: { en: "Terms of use", ja: "利用規約" }
              url: legal/terms
            - name: { en: "Privacy", ja: "プライバシー" }
              url: legal/privacy
        -- input/assets/images/mark.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
        -- input/en/legal/terms.md --
        ---
        title: Terms of use
        ---
        Terms.
        -- input/ja/legal/terms.md --
        ---
        title: 利用規約
        ---
        規約。
        -- input/en/legal/privacy.md --
        ---
        title: Privacy
        ---
        Privacy.
        -- input/ja/legal/privacy.md --
        ---
        title: プライバシー
        ---
        プライバシー。
        -- input/en/topics/2022/a.md --
        ---
        title: Alpha
        summary: "Alpha summary."
        date: 2022-09-20
        ---
        Text.
        -- input/ja/topics/2022/a.md --
        ---
        title: アルファ
        summary: "アルファの要約。"
        ---
        本文。
        """;

    [Fact]
    public void Every_page_names_its_publisher_in_the_header_and_footer_in_its_language()
    {
        using var site = TestSite.Build(Site);
        site.AssertFile("en/topics/2022/a/index.html", """
            <img class="site-logo" src="/repo/assets/images/mark.svg" alt="" width="40" height="40">
            <span class="site-publisher">Ministry of Examples</span>
            <p class="publisher-name"><a href="https://www.example.go.jp/">Ministry of Examples</a></p>
            <li><a href="/repo/en/legal/terms/">Terms of use</a></li>
            <li><a href="/repo/en/legal/privacy/">Privacy</a></li>
            <a href="https://www.example.go.jp/en/wp/">White Paper 2022</a>
            <a href="/repo/en/legal/terms/" rel="license">Terms of use</a>
            <small>© 2023 Ministry of Examples</small>
            <meta property="article:publisher" content="https://www.example.go.jp/">
            """);
        site.AssertFile("ja/topics/2022/a/index.html", """
            <span class="site-publisher">例示省</span>
            <li><a href="/repo/ja/legal/privacy/">プライバシー</a></li>
            <a href="https://www.example.go.jp/ja/wp/">2022年版白書</a>
            <small>© 2023 例示省</small>
            ! Ministry of Examples
            """);
    }

    [Fact]
    public void The_404_page_and_the_root_chooser_carry_the_header_and_footer()
    {
        using var site = TestSite.Build(Site);
        foreach (var page in new[] { "404.html", "index.html" })
        {
            site.AssertFile(page, """
                <header class="site-header">
                <span class="site-publisher">Ministry of Examples</span>
                <footer class="site-footer">
                <li><a href="/repo/en/legal/terms/">Terms of use</a></li>
                <li><a href="/repo/ja/" hreflang="ja" lang="ja">日本語</a></li>
                """);
        }
    }

    [Fact]
    public void Structured_data_and_feeds_name_the_publisher()
    {
        using var site = TestSite.Build(Site);
        site.AssertFile("en/topics/2022/a/index.html", """
            "publisher":{"@type":"Organization","name":"Ministry of Examples","url":"https://www.example.go.jp/","logo":{"@type":"ImageObject","url":"https://org.github.io/repo/assets/images/mark.svg"}}
            "author":{"@type":"Organization","name":"Ministry of Examples"
            """);
        site.AssertFile("ja/index.html", """
            "publisher":{"@type":"Organization","name":"例示省"
            """);
        site.AssertFile("ja/feed.xml", """
            <name>例示省</name>
            <uri>https://www.example.go.jp/</uri>
            <logo>https://org.github.io/repo/assets/images/mark.svg</logo>
            <rights>© 2023 例示省</rights>
            """);
    }

    [Fact]
    public void A_misspelled_publisher_key_is_reported_at_its_line_with_a_suggestion()
    {
        using var site = TestSite.Build(Site.Replace("  copyright:\n", "  copyrigth:\n"));
        site.AssertDiagnostic("input/site.yml(15,3): error GEN011: unknown key 'copyrigth' in publisher; did you mean 'copyright'?");
    }

    [Fact]
    public void A_publisher_name_missing_a_language_and_an_unknown_language_are_errors_at_the_block()
    {
        using var site = TestSite.Build(Site.Replace("    ja: \"例示省\"\n", "    jp: \"例示省\"\n"));
        site.AssertDiagnostic("input/site.yml(12,5): error GEN011: unknown language 'jp' in publisher name (the site's languages are en, ja); did you mean 'ja'?");
        site.AssertDiagnostic("input/site.yml(11,5): error GEN086: publisher name has no 'ja'; add 'ja: …'");
    }

    [Fact]
    public void A_publisher_without_a_name_and_a_logo_that_is_not_an_svg_under_assets_are_errors()
    {
        using var site = TestSite.Build(Site
            .Replace("  name:\n    en: \"Ministry of Examples\"\n    ja: \"例示省\"\n", "")
            .Replace("logo: /assets/images/mark.svg", "logo: mark.png"));
        site.AssertDiagnostic("input/site.yml(10,3): error GEN086: publisher has no name");
        site.AssertDiagnostic("input/site.yml(11,9): error GEN086: publisher logo must be an SVG file under input/assets/");
    }

    [Fact]
    public void A_legal_page_or_logo_that_is_not_built_is_reported_at_site_yml()
    {
        using var site = TestSite.Build(Site
            .Replace("url: legal/privacy", "url: legal/privcy")
            .Replace("logo: /assets/images/mark.svg", "logo: /assets/images/missing.svg"));
        site.AssertDiagnostic("input/site.yml(14,9): error GEN087: the publisher logo '/assets/images/missing.svg' does not exist");
        site.AssertDiagnostic("input/site.yml(26,12): error GEN087: the publisher names the page 'legal/privcy', but there is no page at /en/legal/privcy/");
        site.AssertDiagnostic("input/site.yml(26,12): error GEN087: the publisher names the page 'legal/privcy', but there is no page at /ja/legal/privcy/");
    }

    // Outside look: a logo refused for a script has its own error at the file; it is not also "missing".
    [Fact]
    public void A_logo_refused_for_a_script_is_not_also_reported_missing()
    {
        using var site = TestSite.Build(Site.Replace("<circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>", "<script>alert(1)</script></svg>"));
        Assert.Contains(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.UnsafeAsset && d.Position?.Path == "input/assets/images/mark.svg");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.PublisherTarget && d.Message.Contains("logo", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_address_that_is_neither_https_nor_a_page_path_is_an_error()
    {
        using var site = TestSite.Build(Site.Replace("licence_url: legal/terms", "licence_url: \"javascript:alert(1)\""));
        site.AssertDiagnostic("input/site.yml(19,16): error GEN086: publisher licence_url must be an https:// address or a page path");
    }

    [Fact]
    public void Without_a_publisher_block_the_footer_keeps_the_theme_note()
    {
        using var site = TestSite.Build(Site[..Site.IndexOf("publisher:", StringComparison.Ordinal)] + Site[Site.IndexOf("-- input/assets", StringComparison.Ordinal)..]);
        site.AssertFile("en/topics/2022/a/index.html", """
            <footer class="site-footer">
            Topics from Japan
            ! site-publisher
            ! "publisher"
            """);
    }
}
