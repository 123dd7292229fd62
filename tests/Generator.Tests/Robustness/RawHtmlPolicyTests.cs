namespace Generator.Tests.Robustness;

// Issue 8: raw HTML is limited to a safe allow-list unless site.yml trusts it; front
// matter is always escaped; pages carry a Content-Security-Policy.
public sealed class RawHtmlPolicyTests
{
    private const string Settings = """
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---

        """;

    private const string Hostile = """
        -- input/en/a.md --
        ---
        title: Hostile
        ---
        <script>alert(1)</script>

        <img src="/assets/x.png" alt="x" onerror="alert(2)">

        [click](javascript:alert(3)) <javascript:alert(4)>

        Text{onclick="alert(5)"}

        <p class="note">A <em>safe</em> note.</p>

        """;

    [Fact]
    public void By_default_scripts_event_handlers_and_javascript_urls_are_removed_and_reported()
    {
        using var site = TestSite.Build("-- input/site.yml --\nlanguages: [en, ja]\n" + Settings + Hostile + "-- input/assets/x.png --\npng 40x30\n");

        site.AssertFile("en/a/index.html", """
            <p class="note">A <em>safe</em> note.</p>
            <img src="/assets/x.png" alt="x">
            ! alert(1)
            ! alert(2)
            ! alert(3)
            <p><a>click</a> <a>javascript:alert(4)</a></p>
            ! alert(5)
            ! href="javascript:
            ! <script>alert
            ! onerror
            ! onclick
            """);
        site.AssertDiagnostic("input/en/a.md(4,1): warning GEN074: raw HTML <script> is removed: raw HTML is limited to a safe list");
        site.AssertDiagnostic("input/en/a.md(6,1): warning GEN074: raw HTML attribute 'onerror' of <img> is removed");
        site.AssertDiagnostic("input/en/a.md(8,1): warning GEN074: the link 'javascript:alert(3)' is removed (javascript: URLs are not allowed)");
        site.AssertDiagnostic("input/en/a.md(8,30): warning GEN074: the link 'javascript:alert(4)' is removed");
        site.AssertDiagnostic("input/en/a.md(10,1): warning GEN074: the attribute 'onclick' is removed");
    }

    // Issue 6: only bodies with something the policy must see go through the sanitizer, so
    // each way Markdown alone can write something unsafe must still be caught on a page
    // that has no raw HTML at all.
    [Theory]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript:")]
    [InlineData("![x](data:text/html,alert(1))", "data:text/html")]
    [InlineData("Text{onclick=\"alert(1)\"}", "onclick")]
    [InlineData("A ![inline](/assets/x.png){credit=\"UNDP\"} image in a sentence.", "credit=")]
    public void A_markdown_only_page_is_still_cleaned_of_what_markdown_can_write(string markdown, string removed)
    {
        using var site = TestSite.Build("-- input/site.yml --\nlanguages: [en, ja]\n" + Settings + $"""
            -- input/en/a.md --
            ---
            title: Plain
            ---
            A plain paragraph.

            {markdown}

            -- input/assets/x.png --
            png 40x30

            """);

        site.AssertFile("en/a/index.html", "A plain paragraph.\n! " + removed);
    }

    [Fact]
    public void What_markdown_itself_writes_passes_the_policy_unchanged()
    {
        using var site = TestSite.Build("-- input/site.yml --\nlanguages: [en, ja]\n" + Settings + """
            -- input/en/a.md --
            ---
            title: Features
            ---
            ## A heading

            | Left | Right |
            | :--- | ----: |
            | a    | 1     |

            Text with a note[^1] and a [mail](mailto:info@example.org) link.

            <details><summary>More</summary><p lang="ja">詳細</p></details>

            [^1]: The note.
            """);

        site.AssertNoDiagnostics();
        site.AssertFile("en/a/index.html", """
            <h2 id="a-heading">A heading <a class="heading-anchor" href="#a-heading"
            <th style="text-align: right">Right</th>
            <a id="fnref:1" href="#fn:1" class="footnote-ref"><sup>1</sup></a>
            <a href="mailto:info@example.org">mail</a>
            <details><summary>More</summary><p lang="ja">詳細</p></details>
            <li id="fn:1">
            <a href="#fnref:1" class="footnote-back-ref">
            """);
    }

    [Fact]
    public void Site_yml_can_trust_raw_html()
    {
        using var site = TestSite.Build("-- input/site.yml --\nlanguages: [en, ja]\ntrusted_html: true\n" + Settings + Hostile + "-- input/assets/x.png --\npng 40x30\n");

        site.AssertNoDiagnostics();
        site.AssertFile("en/a/index.html", """
            <script>alert(1)</script>
            onerror="alert(2)"
            """);
    }

    [Fact]
    public void Trusted_html_must_be_true_or_false()
    {
        using var site = TestSite.Build("-- input/site.yml --\nlanguages: [en, ja]\ntrusted_html: yes please\n" + Settings);

        site.AssertDiagnostic("input/site.yml(2,15): error GEN040: trusted_html must be true or false, got \"yes please\"");
    }

    [Fact]
    public void A_hostile_title_and_summary_render_as_text_in_every_place()
    {
        using var site = TestSite.Build("-- input/site.yml --\nlanguages: [en, ja]\n" + Settings + """
            -- input/en/topics/2022/x.md --
            ---
            title: "</script><script>alert(1)</script>"
            summary: "\"><img src=x onerror=alert(2)>"
            date: 2022-01-01
            ---
            Body
            """);

        site.AssertFile("en/topics/2022/x/index.html", """
            <title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; | White Paper Topics</title>
            <meta name="description" content="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;">
            <h1 data-pagefind-meta="title">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>
            ! <script>alert(1)
            ! <img src=x
            """);
        site.AssertFile("en/index.html", """
            &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;
            ! <script>alert(1)
            """);
    }

    [Fact]
    public void Every_page_carries_a_content_security_policy_that_allows_only_the_sites_own_files()
    {
        using var site = TestSite.Build("-- input/site.yml --\nlanguages: [en, ja]\n" + Settings);

        const string policy = """<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'">""";
        site.AssertFile("en/index.html", policy);
        site.AssertFile("index.html", policy);
        // The search pages alone also let Pagefind compile its WebAssembly (issue 7).
        var searchPolicy = policy.Replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval';", StringComparison.Ordinal);
        site.AssertFile("en/search/index.html", searchPolicy);
        foreach (var page in site.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = site.Read(page);
            Assert.Contains(page.EndsWith("/search/index.html", StringComparison.Ordinal) ? searchPolicy : policy, html);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)(?![^>]*application/ld\\+json)", html); // no inline script the policy would block
            Assert.DoesNotContain("<style", html);
        }
    }
}
