namespace Generator.Tests.Integration;

// Issue 16 and 20 (outside look): messages that did not say what to write.
public sealed class WhatToWriteTests
{
    private static string Topic(string path, string extra, string body = "Text.") => $"""
        -- input/site.yml --
        languages: [en]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- {path} --
        ---
        title: A
        summary: S
        date: 2022-09-20
        {extra}
        ---
        {body}

        """;

    [Fact]
    public void An_impossible_date_says_the_day_does_not_exist_in_that_month()
    {
        using var site = TestSite.Build(Topic("input/en/topics/2022/a.md", "changes:\n  - date: 2023-02-30\n    note: Fixed."));

        site.AssertDiagnostic("input/en/topics/2022/a.md(6,11): error GEN012: 'date' \"2023-02-30\" is not a day: February 2023 has 28 days; write a day from 01 to 28");
    }

    [Fact]
    public void A_month_that_does_not_exist_says_so()
    {
        using var site = TestSite.Build(Topic("input/en/topics/2022/a.md", "").Replace("date: 2022-09-20", "date: 2022-13-01"));

        site.AssertDiagnostic("input/en/topics/2022/a.md(4,7): error GEN012: 'date' must be YYYY-MM-DD, got \"2022-13-01\": there is no month 13 (months are 01 to 12)");
    }

    [Fact]
    public void A_percent_escaped_alias_is_given_with_its_characters()
    {
        using var site = TestSite.Build(Topic("input/en/topics/2022/a.md", "aliases: [/en/topics/2021/%E5%8F%A4%E3%81%84/, /en/old%20page/]"));

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,11): error GEN112: alias \"/en/topics/2021/%E5%8F%A4%E3%81%84/\" must be written with its characters, not %-escapes: write \"/en/topics/2021/古い/\"");
        site.AssertDiagnostic("input/en/topics/2022/a.md(5,48): error GEN112: alias \"/en/old%20page/\" must be written with its characters, not %-escapes; unescaped it is \"/en/old page/\", which must be a plain path");
    }

    [Fact]
    public void A_superseded_by_with_a_leading_slash_says_to_write_it_without()
    {
        using var site = TestSite.Build(Topic("input/en/topics/2022/a.md", "superseded_by: /topics/2023/b/"));

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,16): error GEN073: 'superseded_by' must be a relative key such as topics/2022/human-security (no leading '/', no '..', no '\\' or ':'), got \"/topics/2023/b/\"; write topics/2023/b, without the leading '/'");
    }

    [Fact]
    public void A_photo_path_relative_to_the_markdown_file_suggests_the_one_from_the_page()
    {
        using var site = TestSite.Create(Topic("input/en/topics/2022/a.md", "", "![A well](well.jpg \"A well\")"));
        TestPhotos.Jpeg(site.Root, "input/en/topics/2022/well.jpg", 40, 30);
        site.Rebuild();

        site.AssertDiagnostic("input/en/topics/2022/a.md(7,1): error GEN021: no image at 'well.jpg' (looked for input/en/topics/2022/a/well.jpg); did you mean '../well.jpg'? (a relative path starts from the page's address");
    }
}

// Issue 20 (outside look): a mistake in a `changes:` entry is one error, where it is written.
public sealed class ChangeEntryMistakeTests
{
    private static TestSite Build(string changes) => TestSite.Build($"""
        -- input/site.yml --
        languages: [en]
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: S
        date: 2022-09-20
        changes:
        {changes}
        ---
        Text.
        """);

    [Fact]
    public void A_misspelt_date_key_is_only_the_unknown_key()
    {
        using var site = Build("  - data: 2023-03-01\n    note: Figures added.");

        site.AssertDiagnostic("input/en/topics/2022/a.md(6,5): error GEN011: unknown key 'data' in a change; did you mean 'date'?");
        Assert.Single(site.Result.Diagnostics);
    }

    [Fact]
    public void A_note_of_the_wrong_kind_is_one_error()
    {
        using var site = Build("  - date: 2023-03-01\n    note: [a, b]");

        Assert.Single(site.Result.Diagnostics);
        site.AssertDiagnostic("input/en/topics/2022/a.md(7,11): error GEN013");
    }

    [Fact]
    public void An_empty_note_is_reported_at_the_note()
    {
        using var site = Build("  - date: 2023-03-01\n    note: \"\"");

        site.AssertDiagnostic("input/en/topics/2022/a.md(7,11): error GEN110: this change's note is empty; write what changed for readers");
        Assert.Single(site.Result.Diagnostics);
    }

    [Fact]
    public void An_extra_key_names_the_keys_a_change_has()
    {
        using var site = Build("  - date: 2023-03-01\n    note: Figures added.\n    author: Ministry");

        site.AssertDiagnostic("input/en/topics/2022/a.md(8,5): error GEN011: unknown key 'author' in a change; a change has only 'date' and 'note'");
    }
}
