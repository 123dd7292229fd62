namespace Generator.Tests.Record;

// Issue 20, point 3: `aliases:` lists a page's old addresses; each gets a redirect page in
// the page's language and a line in _redirects; a collision is an error naming both files.
public sealed class RedirectTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/topics/2022/water.md --
        ---
        title: Safe water
        summary: Wells for villages.
        date: 2022-09-20
        aliases: [/en/topics/2021/wells/, /en/old/water]
        ---
        Text.
        -- input/ja/topics/2022/water.md --
        ---
        title: 安全な水
        summary: 村の井戸。
        aliases:
          - /ja/topics/2021/wells/
        ---
        本文。
        """;

    [Fact]
    public void Each_alias_gets_a_redirect_page_in_the_pages_language_under_the_base_path()
    {
        using var site = TestSite.Build(Site, baseUrl: "https://org.github.io/repo/");

        site.AssertFile("en/topics/2021/wells/index.html", """
            <html lang="en">
            <title>Moved: Safe water</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="https://org.github.io/repo/en/topics/2022/water/">
            <meta http-equiv="refresh" content="0; url=/repo/en/topics/2022/water/">
            <p>This page has moved to <a href="/repo/en/topics/2022/water/">Safe water</a>.</p>
            """);
        // A folder address written without its last '/' is the folder.
        Assert.True(site.Exists("en/old/water/index.html"));
        site.AssertFile("ja/topics/2021/wells/index.html", """
            <html lang="ja">
            <title>移動しました：安全な水</title>
            <p>このページは<a href="/repo/ja/topics/2022/water/">安全な水</a>に移動しました。</p>
            """);
        Assert.Equal("""
            # Old addresses of moved pages (front matter aliases), for hosts that read this file.
            /repo/en/old/water/ /repo/en/topics/2022/water/ 301
            /repo/en/topics/2021/wells/ /repo/en/topics/2022/water/ 301
            /repo/ja/topics/2021/wells/ /repo/ja/topics/2022/water/ 301

            """.ReplaceLineEndings("\n"), site.Read("_redirects"));
        // An old address is not a page of the site: the sitemap leaves it out.
        Assert.DoesNotContain("wells", site.Read("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_without_aliases_writes_no_redirect_map()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/about.md --
            ---
            title: About
            ---
            Text.
            """);

        site.AssertSucceeded();
        Assert.False(site.Exists("_redirects"));
    }

    [Fact]
    public void An_alias_that_is_a_page_or_another_alias_is_an_error_naming_both_files()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-09-20
            aliases: [/en/topics/2022/b/, /en/old/]
            ---
            Text.
            -- input/en/topics/2022/b.md --
            ---
            title: B
            summary: S
            date: 2022-09-20
            ---
            Text.
            -- input/en/topics/2022/c.md --
            ---
            title: C
            summary: S
            date: 2022-09-20
            aliases:
              - /en/old/
              - /en/topics/
              - /en/topics/2022/c/
              - /en/older/
              - /en/older
            ---
            Text.
            """);

        Assert.False(site.Result.Succeeded);
        // Outside look: an alias listed twice in one file says so, instead of naming the file as "the other".
        site.AssertDiagnostic("input/en/topics/2022/c.md(10,5): error GEN111: alias '/en/older/' is listed twice in this file (also at input/en/topics/2022/c.md(9,5)); remove one");
        site.AssertDiagnostic("input/en/topics/2022/a.md(5,11): error GEN111: alias '/en/topics/2022/b/' is the address of input/en/topics/2022/b.md;");
        site.AssertDiagnostic("input/en/topics/2022/c.md(6,5): error GEN111: alias '/en/old/' is also an alias of input/en/topics/2022/a.md (input/en/topics/2022/a.md(5,31));");
        site.AssertDiagnostic("input/en/topics/2022/c.md(7,5): error GEN111: alias '/en/topics/' is the address of the generated page en/topics/index.html;");
        site.AssertDiagnostic("input/en/topics/2022/c.md(8,5): error GEN111: alias '/en/topics/2022/c/' is this page's own address; remove it");
        // One mistake, one error: the engine does not also report two files at one destination.
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.DuplicateOutput);
    }

    [Theory]
    [InlineData("https://example.com/x/", "is an address on another site")]
    [InlineData("en/old/", "must start with '/'")]
    [InlineData("/en/../x/", "must not contain '.', '..' or '//' segments")]
    [InlineData("/en/x/?page=1", "must be a plain path")]
    [InlineData("/", "is the site's root")]
    [InlineData("/en/old%20page/", "must be written with its characters, not %-escapes")] // outside look: an escape was written to disk as it is
    public void A_malformed_alias_is_reported_at_its_position(string alias, string problem)
    {
        using var site = TestSite.Build($"""
            -- input/site.yml --
            languages: [en]
            -- input/en/about.md --
            ---
            title: About
            aliases: ["{alias}"]
            ---
            Text.
            """);

        site.AssertDiagnostic($"input/en/about.md(3,11): error GEN112: alias \"{alias}\" {problem}");
    }
}
