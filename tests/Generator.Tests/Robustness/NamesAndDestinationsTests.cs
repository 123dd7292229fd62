using System.Text;

namespace Generator.Tests.Robustness;

// Issue 13 (hardening): names that make broken URLs, files that vanished without a word,
// and clashes that `check` passed and `build` failed on.
public sealed class NamesAndDestinationsTests
{
    private const string Settings = """
        -- input/site.yml --
        base_url: "https://example.org/repo/"
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---

        """;

    private const string Topic = """
        ---
        title: T
        summary: S
        date: 2022-01-01
        ---

        """;

    // A.12: every absolute URL is percent-encoded in one place.
    [Fact]
    public void A_name_with_a_space_or_japanese_letters_gives_encoded_urls_in_every_absolute_url()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/about us.md --
            ---
            title: About
            ---
            -- input/ja/日本語.md --
            ---
            title: 日本語
            ---
            """);

        site.AssertFile("en/about us/index.html", """
            <link rel="canonical" href="https://example.org/repo/en/about%20us/">
            <meta property="og:url" content="https://example.org/repo/en/about%20us/">
            "url":"https://example.org/repo/en/about%20us/"
            ! about us/"
            """);
        site.AssertFile("sitemap.xml", """
            <loc>https://example.org/repo/en/about%20us/</loc>
            <loc>https://example.org/repo/ja/%E6%97%A5%E6%9C%AC%E8%AA%9E/</loc>
            ! 日本語
            """);
    }

    [Theory]
    [InlineData("faq#1.md", "'#'", "faq-1.md")]
    [InlineData("what?.md", "'?'", "what.md")]
    [InlineData("100%.md", "'%'", "100.md")]
    [InlineData("c#/basics.md", "'#'", "en/c/basics.md")]
    public void A_name_with_a_character_that_breaks_urls_is_refused_with_a_suggestion(string name, string character, string suggestion)
    {
        using var site = TestSite.Build(Settings + $"-- input/en/{name} --\n" + Topic);

        site.AssertDiagnostic($"input/en/{name}(1,1): error GEN082: the name contains {character}, which cannot stand in a URL; rename it to '{suggestion}'");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
    }

    // A.22: nothing disappears without a word.
    [Fact]
    public void A_markdown_file_whose_name_starts_with_a_dot_is_a_warning()
    {
        using var site = TestSite.Build(Settings + "-- input/en/..md --\n" + Topic + "-- input/en/.draft.md --\n" + Topic);

        site.AssertDiagnostic("input/en/..md(1,1): warning GEN082: the name starts with a dot, which hides the file, and it is not published; rename it, for example to 'page.md'");
        site.AssertDiagnostic("input/en/.draft.md(1,1): warning GEN082: the name starts with a dot, which hides the file, and it is not published; rename it to 'draft.md'");
        site.AssertSucceeded();
    }

    [Fact]
    public void An_editor_lock_file_is_neither_read_nor_reported()
    {
        using var site = TestSite.Create(Settings);
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/en/.#draft.md"), "editor@host.1234");

        site.Rebuild();

        site.AssertNoDiagnostics();
    }

    [Fact]
    public void A_name_in_decomposed_unicode_beside_its_composed_twin_is_a_warning()
    {
        var composed = "caf\u00E9.md";
        var decomposed = "cafe\u0301.md";
        using var site = TestSite.Build(Settings + $"-- input/en/{composed} --\n{Topic}-- input/en/{decomposed} --\n{Topic}-- input/ja/\u304B\u3099.md --\n{Topic}");

        site.AssertDiagnostic($"input/en/{decomposed}(1,1): warning GEN082: the name is in decomposed Unicode ('e' followed by the combining U+0301, as macOS and some zip tools write names)");
        site.AssertDiagnostic("input/ja/\u304B\u3099.md(1,1): warning GEN082: the name is in decomposed Unicode");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().StartsWith($"input/en/{composed}", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_notes_each_scheduled_page_and_says_how_many_topics_wait_until_when()
    {
        using var site = TestSite.Create(Settings + """
            -- input/en/topics/2022/far.md --
            ---
            title: Far
            summary: S
            date: 9999-12-31
            ---
            -- input/ja/topics/2022/far.md --
            ---
            title: 遠い
            summary: エス
            ---
            -- input/en/topics/2022/soon.md --
            ---
            title: Soon
            summary: S
            date: 2025-02-01
            ---
            """);

        site.Rebuild(write: false);

        site.AssertDiagnostic("input/en/topics/2022/far.md(4,7): note GEN083: is scheduled for 9999-12-31 and is not published before then; build --future publishes it now");
        site.AssertDiagnostic("input/ja/topics/2022/far.md(1,1): note GEN083: is scheduled for 9999-12-31 (its original's date)");
        site.AssertDiagnostic("note GEN083: 2 topics (3 files) scheduled, the last for 9999-12-31");

        site.Rebuild();

        site.AssertNoDiagnostics();
        Assert.False(site.Exists("en/topics/2022/far/index.html"));
    }

    [Fact]
    public void An_edition_that_differs_from_the_topic_folder_is_a_warning_at_the_value()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2023/copied.md --
            ---
            title: Copied
            summary: S
            date: 2023-01-01
            edition: 2022
            ---
            """);

        site.AssertDiagnostic("input/en/topics/2023/copied.md(5,10): warning GEN084: edition 2022 differs from the folder topics/2023/ the file is in, so its URL and its edition list disagree; move the file to topics/2022/ or write edition: 2023");
    }

    // A.10: a file where another needs a folder is found before output, in check too.
    [Theory]
    [InlineData("feed.xml.md", "writes 'en/feed.xml/index.html', which needs a folder 'en/feed.xml' where a generated file writes the file 'en/feed.xml'")]
    [InlineData("index.html.md", "writes 'en/index.html/index.html', which needs a folder 'en/index.html' where input/en/index.md writes the file 'en/index.html'")]
    public void A_page_that_needs_a_folder_where_a_file_is_written_is_reported_by_check_naming_both(string name, string message)
    {
        using var site = TestSite.Create(Settings + $"-- input/en/{name} --\n---\ntitle: Clash\n---\n");

        site.Rebuild(write: false);

        site.AssertDiagnostic($"input/en/{name}(1,1): error GEN004: {message}; rename one of them");
    }

    // The folders found to be no file are looked up once (a photo's 12 derivatives share
    // theirs); each file below a folder that is written as a file is still told, whatever
    // the case of the names (hosts may ignore it).
    [Fact]
    public void Every_file_below_a_folder_written_as_a_file_is_reported_whatever_the_case()
    {
        using var site = TestSite.Create(Settings + """
            -- input/assets/Logos --
            not a folder
            -- input/assets/logos/a.svg --
            <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>
            -- input/assets/logos/b.svg --
            <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>
            """);

        site.Rebuild(write: false);

        foreach (var name in new[] { "a.svg", "b.svg" })
        {
            site.AssertDiagnostic($"input/assets/logos/{name}(1,1): error GEN004: writes 'assets/logos/{name}', which needs a folder 'assets/logos' where input/assets/Logos writes the file 'assets/Logos'; rename one of them");
            site.AssertDiagnostic($"input/assets/Logos(1,1): error GEN004: writes the file 'assets/Logos' where input/assets/logos/{name} needs a folder (it writes 'assets/logos/{name}'); rename one of them");
        }
    }

    [Fact]
    public void An_input_asset_file_where_the_theme_needs_a_folder_is_reported_at_the_input_file()
    {
        using var site = TestSite.Create(Settings + "-- input/assets/css --\nnot a folder\n");

        site.Rebuild(write: false);

        site.AssertDiagnostic("input/assets/css(1,1): error GEN004: writes the file 'assets/css' where theme/assets/css/site.css needs a folder (it writes 'assets/css/site.css'); rename one of them");
    }
}
