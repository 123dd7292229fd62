namespace Generator.Tests.Integration;

// Issue 2: every front matter mistake is reported at its file(line,col), all in one build.
public sealed class FrontMatterDiagnosticsTests
{
    private const string Settings = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/taxonomy.yml --
        tags:
          human-security:
            en: "Human security"
            ja: "人間の安全保障"

        """;

    [Fact]
    public void One_build_reports_every_front_matter_problem_at_its_position()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/malformed.md --
            ---
            title: "Unclosed
            summary: S
            ---
            -- input/en/topics/2022/no-title.md --
            ---
            summary: S
            date: 2022-01-01
            ---
            -- input/ja/topics/2022/bad-date.md --
            ---
            title: T
            summary: S
            date: 2022-13-01
            ---
            -- input/en/topics/2022/misspelled.md --
            ---
            title: T
            summary: S
            date: 2022-01-01
            summery: again
            ---
            -- input/en/topics/2022/unknown-tag.md --
            ---
            title: T
            summary: S
            date: 2022-01-01
            tags: [human-securty]
            ---
            -- input/en/topics/2022/wrong-number.md --
            ---
            title: T
            summary: S
            date: 2022-01-01
            number: three
            ---
            """);

        Assert.False(site.Result.Succeeded);
        site.AssertDiagnostic("input/en/topics/2022/malformed.md(2,8): error GEN010: unclosed quote: close the quote opened at (2,8)");
        site.AssertDiagnostic("input/en/topics/2022/no-title.md(1,1): error GEN014: missing required key 'title'");
        site.AssertDiagnostic("input/ja/topics/2022/bad-date.md(4,7): error GEN012: 'date' must be YYYY-MM-DD, got \"2022-13-01\"");
        site.AssertDiagnostic("input/en/topics/2022/misspelled.md(5,1): error GEN011: unknown key 'summery'; did you mean 'summary'?");
        site.AssertDiagnostic("input/en/topics/2022/unknown-tag.md(5,8): error GEN015: unknown tag 'human-securty'; did you mean 'human-security'?");
        site.AssertDiagnostic("input/en/topics/2022/wrong-number.md(5,9): error GEN013: 'number' must be a whole number such as 3, got \"three\"");
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_file_without_front_matter_or_with_an_unclosed_one_says_how_to_start_it()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/plain.md --
            Just text.
            -- input/en/unclosed.md --
            ---
            title: T
            Text that never closes the front matter.
            """);

        site.AssertDiagnostic("input/en/plain.md(1,1): error GEN017: has no front matter; start the file with a line '---'");
        site.AssertDiagnostic("input/en/unclosed.md(1,1): error GEN017: the front matter that starts on line 1 is never closed");
    }

    [Fact]
    public void Topics_need_a_summary_and_a_date_unless_the_original_gives_the_date()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/a.md --
            ---
            title: A
            ---
            -- input/ja/topics/2022/b.md --
            ---
            title: B
            summary: S
            ---
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md(1,1): error GEN014: missing required key 'summary'");
        site.AssertDiagnostic("input/en/topics/2022/a.md(1,1): error GEN014: missing required key 'date'");
        // Issue 13, A.15: a translation without an original is told that, not to add the date it should inherit.
        site.AssertDiagnostic("input/ja/topics/2022/b.md(1,1): error GEN014: is a translation, but its English (en) original is missing, so it has no date to take; add input/en/topics/2022/b.md");
    }

    [Fact]
    public void Wrong_shapes_in_images_and_flags_are_reported_where_they_are()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            draft: maybe
            images:
              - src: /assets/images/a.png
                alt: A photo
                captoin: Typo
            ---
            -- input/assets/images/a.png --
            png 40x30
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,8): error GEN013: 'draft' must be true or false, got \"maybe\"");
        site.AssertDiagnostic("input/en/topics/2022/a.md(9,5): error GEN011: unknown key 'captoin' in a photo; did you mean 'caption'?");
    }

    [Fact]
    public void Drafts_are_left_out_of_the_build()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/draft.md --
            ---
            title: Draft
            summary: S
            date: 2022-01-01
            draft: true
            ---
            -- input/en/topics/2022/public.md --
            ---
            title: Public
            summary: S
            date: 2022-01-01
            ---
            """);

        Assert.True(site.Exists("en/topics/2022/public/index.html"));
        Assert.False(site.Exists("en/topics/2022/draft/index.html"));
    }

    [Fact]
    public void Two_files_for_one_url_are_reported_even_when_they_differ_only_in_case()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/about.md --
            ---
            title: About
            ---
            -- input/en/about/index.md --
            ---
            title: About again
            ---
            -- input/en/About.md --
            ---
            title: About in capitals
            ---
            """);

        site.AssertDiagnostic("input/en/about/index.md(1,1): error GEN004: writes 'en/about/index.html', which input/en/About.md also writes as 'en/About/index.html'");
        site.AssertDiagnostic("input/en/about.md(1,1): error GEN004: writes 'en/about/index.html'");
    }
}
