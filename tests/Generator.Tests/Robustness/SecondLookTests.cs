using System.Text;

namespace Generator.Tests.Robustness;

// Issue 13: what an outside look at the hardened build still found (each failed before).
public sealed class SecondLookTests
{
    private const string Settings = """
        -- input/site.yml --
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

    private static string Topic(string body) => $"""
        ---
        title: Water
        summary: S
        date: 2022-01-01
        ---
        {body}
        """;

    // 50,000 identical headings ran for minutes: Markdig numbers each repeat by trying every suffix.
    [Fact]
    public void More_headings_than_any_page_has_are_refused_at_the_first_too_many()
    {
        var body = string.Concat(Enumerable.Repeat("## h\n\n", 30_000));
        using var site = TestSite.Build(Settings + "-- input/en/topics/2022/a.md --\n" + Topic(body));

        // The body starts on line 6; heading 1,001 is on line 6 + 2 × 1,000.
        site.AssertDiagnostic("input/en/topics/2022/a.md(2006,1): error GEN028: more than 1000 headings in one page");
    }

    [Fact]
    public void A_thousand_headings_are_published()
    {
        var body = string.Concat(Enumerable.Range(0, 1000).Select(i => $"## Part {i}\n\n"));
        using var site = TestSite.Build(Settings + "-- input/en/topics/2022/a.md --\n" + Topic(body));

        site.AssertFile("en/topics/2022/a/index.html", "id=\"part-999\"");
    }

    // 50,000 '[' on line 10 was reported at (1,1).
    [Fact]
    public void Brackets_nested_too_deep_are_reported_where_they_cross_the_limit()
    {
        var body = "One.\n\nTwo.\n\n" + new string('[', 50_000) + "x" + new string(']', 50_000);
        using var site = TestSite.Build(Settings + "-- input/en/topics/2022/a.md --\n" + Topic(body));

        site.AssertDiagnostic("input/en/topics/2022/a.md(10,65): error GEN071");
    }

    // `input/en/..\evil.md` was published at /evil/, outside every language folder.
    [Theory]
    [InlineData("..\\evil.md")]
    [InlineData("..\\ja\\hijack.md")]
    [InlineData("a\\b.md")]
    public void A_backslash_in_a_name_is_refused_not_taken_for_a_folder(string name)
    {
        using var site = TestSite.Build(Settings + $"-- input/en/{name} --\n" + Topic("Text."));

        site.AssertDiagnostic($"input/en/{name}(1,1): error GEN082: the name contains '\\', which cannot stand in a URL; rename it to '");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Message.Contains("rename it to '\\", StringComparison.Ordinal));
        Assert.False(site.Exists("evil/index.html") || site.Exists("ja/hijack/index.html"));
    }

    [Fact]
    public void An_empty_site_yml_is_an_error_not_the_defaults()
    {
        using var site = TestSite.Build("-- input/site.yml --\n# only a comment\n-- input/en/index.md --\n---\ntitle: Home\n---\n");

        site.AssertDiagnostic("input/site.yml(1,1): error GEN040: site.yml is empty; write base_url, default_language and languages");
    }

    // A 0xFF byte in site.yml was published as U+FFFD in every title.
    [Theory]
    [InlineData("input/site.yml", "languages:\n  - code: en\n    name: English\n    title: \"White \xFF Paper\"\n", "input/site.yml(4,19)")]
    [InlineData("input/taxonomy.yml", "tags:\n  water:\n    en: \"W\xFFter\"\n", "input/taxonomy.yml(3,11)")]
    [InlineData("theme/i18n/en.yml", "skip_to_content: \"Sk\xFFp\"\n", "theme/i18n/en.yml(1,21)")]
    public void Invalid_utf8_in_settings_and_theme_files_is_an_error_at_the_byte(string path, string text, string at)
    {
        using var site = TestSite.Create(Settings + "-- input/en/topics/2022/a.md --\n" + Topic("Text."));
        // The test's text holds U+00FF for the bad byte: write it as the single byte 0xFF.
        File.WriteAllBytes(Path.Combine(site.Root, path), [.. text.Select(c => c == '\u00FF' ? (byte)0xFF : (byte)c)]);

        site.Rebuild();

        site.AssertDiagnostic($"{at}: error GEN005: is not valid UTF-8 text (byte 0xFF here is not UTF-8)");
    }

    [Theory]
    [InlineData("chooser", "language chooser")]
    [InlineData("notfound", "404 page")]
    public void A_page_cannot_take_the_layout_of_a_generated_page(string layout, string what)
    {
        using var site = TestSite.Build(Settings + $"-- input/en/topics/2022/a.md --\n---\ntitle: Water\nsummary: S\ndate: 2022-01-01\nlayout: {layout}\n---\nText.\n");

        site.AssertDiagnostic($"input/en/topics/2022/a.md(5,9): error GEN031: layout '{layout}' is the one the generator uses for its {what}");
    }

    [Fact]
    public void A_layout_that_loops_without_end_fails_its_render_instead_of_hanging()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/about.md --
            ---
            title: About
            ---
            -- theme/layouts/page.liquid --
            {% for x in (1..100000) %}{% for y in (1..100000) %}x{% endfor %}{% endfor %}
            """);

        site.AssertDiagnostic("theme/layouts/page.liquid(1,1): error GEN030: the layout ran more than 10,000,000 steps or nested includes more than 100 deep; look for a loop without end");
    }

    // One cause, one error: a file without front matter is not also missing its date.
    [Theory]
    [InlineData("")]
    [InlineData("Just text.\n")]
    [InlineData("---\ntitle: never closed\n")]
    // A null character before the would-be closing line: stripping it must not close the front matter.
    [InlineData("---\ntitle: never closed\n\0---\nBody.\n")]
    public void A_page_without_front_matter_gets_that_one_error(string text)
    {
        using var site = TestSite.Build(Settings + "-- input/en/topics/2022/a.md --\n" + text);

        var about = site.Result.Diagnostics.Where(d => d.Position?.Path == "input/en/topics/2022/a.md").ToList();
        Assert.True(about.Count == 1 && about[0].Code == DiagnosticCodes.NoFrontMatter, string.Join("\n", about));
    }
}
