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

    // Outside look (issue 20): an alias outside the language folders was accepted: a photo's
    // address got an HTML redirect page (served as image/jpeg), Pagefind's script a _redirects line.
    [Fact]
    public void An_alias_outside_the_language_folders_is_an_error_saying_what_to_write()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/about.md --
            ---
            title: About
            aliases:
              - /assets/images/2022/gps.jpg
              - /pagefind/pagefind.js
              - /en/old-about/
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/about.md(4,5): error GEN112: alias \"/assets/images/2022/gps.jpg\" is outside the language folders, where no page's address is (it would replace a file such as a photo, a script or a feed); an alias is this English page's old address, in its folder: write /en/…, such as /en/topics/2021/old-name/");
        site.AssertDiagnostic("input/en/about.md(5,5): error GEN112: alias \"/pagefind/pagefind.js\" is outside the language folders");
        Assert.False(site.Exists("assets/images/2022/gps.jpg"));
    }

    // Outside look (issue 20): an alias written with the base path was accepted, and _redirects got /repo/repo/….
    [Fact]
    public void An_alias_that_repeats_the_base_path_is_an_error_saying_to_write_it_without()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/about.md --
            ---
            title: About
            aliases: [/repo/en/old-about/, /en/former-about/]
            ---
            Text.
            """, baseUrl: "https://org.github.io/repo/");

        site.AssertDiagnostic("input/en/about.md(3,11): error GEN112: alias \"/repo/en/old-about/\" starts with the base path /repo/ of base_url, which the build adds to every address; write it without: /en/old-about/");
        Assert.Single(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.InvalidAlias);
        Assert.DoesNotContain(site.Result.Outputs.Values.SelectMany(d => d), d => d.Destination.StartsWith("repo/", StringComparison.Ordinal));
    }

    // Outside look (issue 20): aliases that collide with generated files were GEN004 at (1,1)
    // with a translation_key hint; they are checked against every file the build writes.
    [Fact]
    public void An_alias_that_is_any_written_file_or_a_page_in_another_case_is_an_error_at_its_line()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            publisher:
              name: Ministry
              logo: /assets/images/publisher.svg
            -- input/assets/images/publisher.svg --
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Ministry</title></svg>
            -- input/en/topics/2022/x.md --
            ---
            title: X
            summary: S
            date: 2022-09-20
            ---
            Text.
            -- input/en/topics/2022/y.md --
            ---
            title: Y
            summary: S
            date: 2022-09-20
            aliases:
              - /en/feed.xml
              - /en/topics/2022/x/cite.bib
              - /assets/images/publisher.svg
              - /en/Topics/2022/X/
              - /en/feed.xml/
              - /en/topics/2022/Y/
              - /en/old-y/
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/topics/2022/y.md(6,5): error GEN111: alias '/en/feed.xml' is the address of the generated file en/feed.xml;");
        site.AssertDiagnostic("input/en/topics/2022/y.md(7,5): error GEN111: alias '/en/topics/2022/x/cite.bib' is the address of the generated file en/topics/2022/x/cite.bib;");
        site.AssertDiagnostic("input/en/topics/2022/y.md(8,5): error GEN112: alias \"/assets/images/publisher.svg\" is outside the language folders");
        site.AssertDiagnostic("input/en/topics/2022/y.md(9,5): error GEN111: alias '/en/Topics/2022/X/' is the address of input/en/topics/2022/x.md where case is ignored ('en/topics/2022/x/index.html')");
        site.AssertDiagnostic("input/en/topics/2022/y.md(10,5): error GEN111: alias '/en/feed.xml/' needs a folder 'en/feed.xml' where the generated file en/feed.xml writes the file 'en/feed.xml';");
        site.AssertDiagnostic("input/en/topics/2022/y.md(11,5): error GEN111: alias '/en/topics/2022/Y/' differs from this page's own address only in case");
        Assert.Equal(5, site.Result.Diagnostics.Count(d => d.Code == Generator.DiagnosticCodes.AliasCollision));
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.DuplicateOutput);
    }

    // Outside look (issue 20): an English page's alias in the Japanese folder was accepted.
    [Fact]
    public void An_alias_in_the_other_languages_folder_is_an_error_at_the_alias()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/en/topics/2022/water.md --
            ---
            title: Safe water
            summary: Wells.
            date: 2022-09-20
            aliases: [/ja/old/]
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/topics/2022/water.md(5,11): error GEN112: alias \"/ja/old/\" is in the 日本語 (ja) folder, but this page is in English (en); list it in the aliases of the 日本語 translation, so its redirect leads there in its language, or write /en/old/");
        Assert.DoesNotContain(site.Result.Outputs.Values.SelectMany(d => d), d => d.Destination == "ja/old/index.html");
    }
}
