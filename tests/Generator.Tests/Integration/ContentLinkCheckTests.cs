namespace Generator.Tests.Integration;

// Issue 13: fragments are checked against the ids of the page they point to (A.8), and
// links and images in raw HTML are checked like Markdown ones (A.11).
public sealed class ContentLinkCheckTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/assets/images/2022/well.png --
        png 40x30
        -- input/en/topics/2022/human-security.md --
        ---
        title: Human security
        summary: S
        date: 2022-01-01
        ---
        ## Wells in villages

        Text.

        ## Schools {#schools-built}

        ![A village well](/assets/images/2022/well.png "A well"){credit="UNDP"}

        """;

    private static TestSite Page(string body) => TestSite.Build(Site + $"""
        -- input/en/a.md --
        ---
        title: A
        ---
        {body}

        """);

    [Fact]
    public void A_fragment_that_is_no_id_on_the_target_page_is_an_error_with_a_suggestion()
    {
        using var site = Page("""
            See [x](/en/topics/2022/human-security/#no-such-heading) and [wells](/en/topics/2022/human-security/#wells-in-vilages).

            ## Local heading

            Back [here](#local-haeding).
            """);

        site.AssertDiagnostic("input/en/a.md(4,5): error GEN025: '/en/topics/2022/human-security/#no-such-heading' points to '#no-such-heading', which is not a heading or id on /en/topics/2022/human-security/");
        site.AssertDiagnostic("input/en/a.md(4,62): error GEN025: '/en/topics/2022/human-security/#wells-in-vilages' points to '#wells-in-vilages', which is not a heading or id on /en/topics/2022/human-security/; did you mean '#wells-in-villages'?");
        site.AssertDiagnostic("input/en/a.md(8,6): error GEN025: '#local-haeding' points to '#local-haeding', which is not a heading or id on this page; did you mean '#local-heading'?");
    }

    [Fact]
    public void Fragments_to_headings_explicit_ids_figures_and_the_layout_pass()
    {
        using var site = Page("""
            See [wells](/en/topics/2022/human-security/#wells-in-villages), [schools](../topics/2022/human-security/#schools-built),
            [the photo](/en/topics/2022/human-security/#photo-1), [the top](#top) and [mine](#mine).

            ## Mine
            """);

        site.AssertSucceeded();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenFragment);
    }

    [Fact]
    public void Raw_html_links_and_images_are_checked_at_their_tags()
    {
        using var site = Page("""
            Inline <a href="/en/no-such-page/">link</a> and <img src="/nope.png"> here.

            <div class="box">
              <p>A block with <a href="/en/topics/2022/human-security/#wells-in-vilages">a typo</a>.</p>
              <img src="/assets/images/2022/well.png" alt="">
              <a href="../../../x/">up</a>
            </div>
            """);

        site.AssertDiagnostic("input/en/a.md(4,8): error GEN020: no page or file at '/en/no-such-page/'");
        site.AssertDiagnostic("input/en/a.md(4,49): error GEN016: image has no alt text; describe what it shows in the tag");
        site.AssertDiagnostic("input/en/a.md(4,49): error GEN021: no image at '/nope.png'");
        site.AssertDiagnostic("input/en/a.md(7,19): error GEN025: '/en/topics/2022/human-security/#wells-in-vilages' points to '#wells-in-vilages'");
        site.AssertDiagnostic("input/en/a.md(8,3): error GEN016");
        site.AssertDiagnostic("input/en/a.md(9,3): error GEN022: '../../../x/' climbs above the site root");
    }

    [Fact]
    public void Raw_html_links_and_images_that_exist_pass()
    {
        using var site = Page("""
            <p>See <a href="/en/topics/2022/human-security/">the topic</a>.</p>
            <img src="/assets/images/2022/well.png" alt="A village well">

            An <a href="https://example.org/">external</a> link.
            """);

        site.AssertSucceeded();
    }

    [Fact]
    public void Raw_html_links_and_images_are_rewritten_for_a_base_path()
    {
        using var site = TestSite.Build(Site.Replace("languages: [en, ja]", "base_url: \"https://org.github.io/repo/\"\nlanguages: [en, ja]") + """
            -- input/en/a.md --
            ---
            title: A
            ---
            Inline <a class="x" href='/en/topics/2022/human-security/#schools-built'>schools</a>.

            <figure>
              <img alt="A village well" src=../../assets/images/2022/well.png width=10>
              <a href="https://example.org/">external</a> <a href="#here" id="here">here</a>
            </figure>
            """);

        site.AssertFile("en/a/index.html", """
            Inline <a class="x" href="/repo/en/topics/2022/human-security/#schools-built">schools</a>.
            <img alt="A village well" src="/repo/assets/images/2022/well.png" width="10">
            <a href="https://example.org/">external</a> <a href="#here" id="here">here</a>
            """);
    }

    [Fact]
    public void Srcset_images_in_raw_html_are_checked_and_rewritten_for_a_base_path()
    {
        // Only a trusted site keeps <picture> and srcset (the safe list removes them), but
        // both are checked.
        var files = Site.Replace("languages: [en, ja]", "base_url: \"https://org.github.io/repo/\"\ntrusted_html: true\nlanguages: [en, ja]") + """
            -- input/en/a.md --
            ---
            title: A
            ---
            <picture><source srcset="/assets/images/2022/well.png 2x, https://example.org/a.png 3x"><img src="/assets/images/2022/well.png" alt="A well" srcset="/assets/images/2022/well.png 1x"></picture>

            <img srcset="/assets/images/2022/nope.png 2x" src="/assets/images/2022/well.png" alt="Missing">
            """;
        using var broken = TestSite.Build(files);
        using var site = TestSite.Build(files.Replace("nope.png", "well.png"));

        broken.AssertDiagnostic("input/en/a.md(6,1): error GEN021: no image at '/assets/images/2022/nope.png'");
        site.AssertFile("en/a/index.html", """
            <source srcset="/repo/assets/images/2022/well.png 2x, https://example.org/a.png 3x">
            <img src="/repo/assets/images/2022/well.png" alt="A well" srcset="/repo/assets/images/2022/well.png 1x">
            """);
    }

    [Fact]
    public void Japanese_heading_ids_are_matched_written_or_percent_encoded()
    {
        using var site = TestSite.Build(Site + """
            -- input/ja/a.md --
            ---
            title: エー
            ---
            ## 背景

            [背景へ](#背景)、[符号化](#%E8%83%8C%E6%99%AF)、[誤り](#背影)
            """);

        site.AssertDiagnostic("input/ja/a.md(6,39): error GEN025: '#背影' points to '#背影', which is not a heading or id on this page; did you mean '#背景'?");
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenFragment);
    }
}
