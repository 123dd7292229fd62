namespace Generator.Tests.Integration;

// Issue 13, A.15 and A.16: one mistake is one error, at the mistake; blank required keys
// are missing keys, reported where the blank value is.
public sealed class OneMistakeOneErrorTests
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

    private static List<string> Errors(TestSite site) =>
        [.. site.Result.Diagnostics.Where(d => d.Severity == Engine.Severity.Error).Select(d => d.ToString())];

    [Fact]
    public void A_yaml_error_in_an_original_is_the_only_error_of_it_and_its_translation()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/a.md --
            ---
            title: "Unclosed
            summary: S
            date: 2022-01-01
            ---
            -- input/ja/topics/2022/a.md --
            ---
            title: 日本語
            summary: 要約
            ---
            """);

        Assert.Equal(
            ["input/en/topics/2022/a.md(2,8): error GEN010: unclosed quote: close the quote opened at (2,8) with a matching \" at the end of the value"],
            Errors(site));
    }

    [Fact]
    public void A_misspelled_required_key_is_one_unknown_key_error_naming_the_required_key()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/a.md --
            ---
            titel: Water
            summary: S
            dtae: 2022-01-01
            ---
            -- input/ja/topics/2022/a.md --
            ---
            title: 水
            summary: 要約
            ---
            """);

        Assert.Equal(
            [
                "input/en/topics/2022/a.md(2,1): error GEN011: unknown key 'titel'; did you mean the required key 'title'?",
                "input/en/topics/2022/a.md(4,1): error GEN011: unknown key 'dtae'; did you mean the required key 'date'?",
            ],
            Errors(site));
    }

    [Fact]
    public void A_misspelling_of_a_key_that_is_also_set_is_an_ordinary_unknown_key()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/a.md --
            ---
            title: A
            titel: A again
            ---
            """);

        Assert.Equal(["input/en/a.md(3,1): error GEN011: unknown key 'titel'; did you mean 'title'?"], Errors(site));
    }

    [Fact]
    public void A_translation_is_never_told_to_add_the_date_its_original_lacks()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            ---
            -- input/ja/topics/2022/a.md --
            ---
            title: あ
            summary: 要約
            ---
            """);

        Assert.Equal(["input/en/topics/2022/a.md(1,1): error GEN014: missing required key 'date'; add a line such as 'date: 2022-09-20'"], Errors(site));
    }

    [Fact]
    public void A_translation_without_an_original_says_its_original_is_missing()
    {
        using var site = TestSite.Build(Settings + """
            -- input/ja/topics/2022/only.md --
            ---
            title: あ
            summary: 要約
            ---
            -- input/ja/topics/2022/keyed.md --
            ---
            title: い
            summary: 要約
            translation_key: topics/2022/elsewhere
            ---
            -- input/ja/topics/2022/dated.md --
            ---
            title: う
            summary: 要約
            date: 2022-01-01
            ---
            """);

        Assert.Equal(
            [
                "input/ja/topics/2022/keyed.md(1,1): error GEN014: is a translation, but its English (en) original is missing, so it has no date to take; add a page in English (en) with 'translation_key: topics/2022/elsewhere'",
                "input/ja/topics/2022/only.md(1,1): error GEN014: is a translation, but its English (en) original is missing, so it has no date to take; add input/en/topics/2022/only.md",
            ],
            Errors(site).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_blank_title_or_summary_is_missing_where_the_blank_value_is()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/a.md --
            ---
            title: "   "
            summary: ""
            date: 2022-01-01
            ---
            -- input/en/topics/2022/b.md --
            ---
            title:
            summary: S
            date: 2022-01-01
            ---
            -- input/en/c.md --
            ---
            title: "　"
            summary: ""
            ---
            """);

        Assert.Equal(
            [
                "input/en/c.md(2,8): error GEN014: 'title' is blank; write it, such as 'title: Promoting human security'",
                "input/en/topics/2022/a.md(2,8): error GEN014: 'title' is blank; write it, such as 'title: Promoting human security'",
                "input/en/topics/2022/a.md(3,10): error GEN014: 'summary' is blank; write it, such as 'summary: One or two sentences for lists and feeds'",
                "input/en/topics/2022/b.md(2,1): error GEN014: 'title' is blank; write it, such as 'title: Promoting human security'",
            ],
            Errors(site).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_yaml_error_in_the_taxonomy_or_interface_strings_is_not_repeated_for_every_tag_or_string()
    {
        using var site = TestSite.Create(Settings + """
            -- input/taxonomy.yml --
            tags:
              health: {en: Health, ja: 保健
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            tags: [health]
            ---
            """);
        File.WriteAllText(Path.Combine(site.Root, "theme/i18n/ja.yml"), "home: \"ホーム\nsearch: 検索\n");

        site.Rebuild();

        site.AssertDiagnostic("input/taxonomy.yml(2,11): error GEN010: the '{' opened at (2,11) is never closed");
        site.AssertDiagnostic("theme/i18n/ja.yml(1,7): error GEN010: unclosed quote");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code is DiagnosticCodes.UnknownTag);
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MissingString && d.Message.StartsWith("missing interface string", StringComparison.Ordinal));
    }
}
