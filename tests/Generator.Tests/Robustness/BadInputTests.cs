using System.Text;

namespace Generator.Tests.Robustness;

// Issue 8: every bad input gets a diagnostic at its position (or is handled as the
// README documents), never a crash, and the build finishes.
public sealed class BadInputTests
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

    private static TestSite BuildWith(string file, string text) =>
        TestSite.Build(Settings + $"-- {file} --\n{text}");

    private static TestSite BuildWithBytes(string file, byte[] bytes)
    {
        var site = TestSite.Create(Settings);
        var path = Path.Combine(site.Root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return site.Rebuild();
    }

    [Fact]
    public void A_tab_in_the_indentation_is_a_yaml_error_at_the_tab()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n\tsummary: S\n---\n");

        site.AssertDiagnostic("input/en/a.md(3,1): error GEN010: a tab indents this line; YAML indentation must be spaces");
    }

    [Fact]
    public void An_unclosed_quote_is_a_yaml_error_where_the_quote_opens()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: \"Unclosed\n---\n");

        site.AssertDiagnostic("input/en/a.md(2,8): error GEN010: unclosed quote: close the quote opened at (2,8) with a matching \" at the end of the value");
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_its_second_occurrence()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: A\ntitle: B\n---\n");

        site.AssertDiagnostic("input/en/a.md(3,1): error GEN010: 'title' is set twice (first at (2,1)); each key may appear once, so remove one of them");
    }

    [Fact]
    public void Anchors_and_aliases_are_read_as_the_value_they_name()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: &name Same text\nsummary: *name\n---\nBody\n");

        site.AssertFile("en/a/index.html", "<title>Same text");
    }

    [Fact]
    public void A_yaml_bomb_of_nested_aliases_is_never_expanded()
    {
        var bomb = new StringBuilder("---\ntitle: T\nlol: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
            bomb.Append($"lol{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        bomb.Append("tags: *a11\n---\n");

        using var site = BuildWith("input/en/a.md", bomb.ToString());

        site.AssertDiagnostic("input/en/a.md(3,1): error GEN011: unknown key 'lol'");
        site.AssertDiagnostic("input/en/a.md(14,1): error GEN011: unknown key 'lol11'");
        site.AssertDiagnostic("input/en/a.md(13,8): error GEN013: each entry of 'tags' must be text, got a list");
    }

    [Fact]
    public void A_self_referencing_alias_is_a_value_of_the_wrong_kind()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: &a [*a]\n---\n");

        site.AssertDiagnostic("input/en/a.md(2,8): error GEN013: 'title' must be text, got a list");
    }

    [Fact]
    public void Deeply_nested_yaml_is_refused_at_the_level_beyond_the_limit()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: " + new string('[', 10_000) + new string(']', 10_000) + "\n---\n");

        site.AssertDiagnostic("input/en/a.md(2,71): error GEN071: lists or keys are nested more than 64 levels deep here; flatten them");
    }

    [Fact]
    public void A_file_that_is_only_a_front_matter_delimiter_is_never_closed()
    {
        using var site = BuildWith("input/en/a.md", "---\n");

        site.AssertDiagnostic("input/en/a.md(1,1): error GEN017: the front matter that starts on line 1 is never closed");
    }

    [Fact]
    public void Empty_front_matter_misses_its_title()
    {
        using var site = BuildWith("input/en/a.md", "---\n---\n");

        site.AssertDiagnostic("input/en/a.md(1,1): error GEN014: missing required key 'title'");
    }

    [Fact]
    public void A_front_matter_that_never_closes_says_where_it_opened()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: T\nThe text starts without a closing line.\n");

        site.AssertDiagnostic("input/en/a.md(1,1): error GEN017: the front matter that starts on line 1 is never closed; add a line '---' after its last key");
    }

    [Fact]
    public void An_empty_file_has_no_front_matter()
    {
        using var site = BuildWithBytes("input/en/a.md", []);

        site.AssertDiagnostic("input/en/a.md(1,1): error GEN017: has no front matter");
    }

    [Fact]
    public void A_byte_order_mark_does_not_shift_positions()
    {
        using var site = BuildWithBytes("input/en/a.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\ntitle: T\ndate: 2022-13-01\n---\n")]);

        site.AssertDiagnostic("input/en/a.md(3,7): error GEN012: 'date' must be YYYY-MM-DD, got \"2022-13-01\"");
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_page()
    {
        using var site = BuildWithBytes("input/en/a.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\ntitle: With BOM\n---\nText\n")]);

        site.AssertFile("en/a/index.html", """
            <title>With BOM
            ! \uFEFF
            """);
    }

    [Fact]
    public void Crlf_line_endings_keep_front_matter_and_body_positions()
    {
        using var site = BuildWithBytes("input/en/a.md", Encoding.UTF8.GetBytes("---\r\ntitle: T\r\ndate: x\r\ntitel: T\r\n---\r\n\r\nSee [this](/nowhere/).\r\n"));

        site.AssertDiagnostic("input/en/a.md(3,7): error GEN012: 'date' must be YYYY-MM-DD, got \"x\"");
        site.AssertDiagnostic("input/en/a.md(4,1): error GEN011: unknown key 'titel'; did you mean 'title'?");
        site.AssertDiagnostic("input/en/a.md(7,5): error GEN020: no page or file at '/nowhere/'");
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_line_and_column_of_the_bad_byte()
    {
        using var site = BuildWithBytes("input/en/a.md", [.. Encoding.UTF8.GetBytes("---\ntitle: T\n---\nabc"), 0xFF, 0xFE]);

        site.AssertDiagnostic("input/en/a.md(4,4): error GEN005: is not valid UTF-8 text (byte 0xFF here is not UTF-8); save the file as UTF-8");
    }

    [Fact]
    public void The_column_of_a_bad_byte_counts_characters_after_the_byte_order_mark()
    {
        // Issue 13, A.21: "offset 86" named no place an editor could find.
        using var site = BuildWithBytes("input/en/a.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\ntitle: 日本\n---\n日本語"), 0xC3, 0x28]);

        site.AssertDiagnostic("input/en/a.md(4,4): error GEN005: is not valid UTF-8 text (byte 0xC3 here is not UTF-8)");
    }

    [Fact]
    public void Binary_junk_named_md_is_not_utf8()
    {
        var junk = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray();

        using var site = BuildWithBytes("input/en/junk.md", junk);

        site.AssertDiagnostic("input/en/junk.md(1,2): error GEN005: is not valid UTF-8 text");
    }

    [Fact]
    public void Control_characters_that_are_valid_utf8_make_an_ordinary_page_without_them_breaking_the_html()
    {
        using var site = BuildWithBytes("input/en/a.md", [.. Encoding.UTF8.GetBytes("---\ntitle: T\n---\nA"), 0x00, 0x01, 0x1B, .. Encoding.UTF8.GetBytes("B\n")]);

        // Issue 13: they are left out of the page, with a warning at each.
        site.AssertFile("en/a/index.html", "<p>AB</p>");
        site.AssertDiagnostic("input/en/a.md(4,2): warning GEN079: contains U+0000");
        site.AssertDiagnostic("input/en/a.md(4,4): warning GEN079: contains U+001B");
    }

    [Fact]
    public void A_ten_megabyte_topic_is_built_whole()
    {
        var text = new StringBuilder("---\ntitle: Big\nsummary: S\ndate: 2022-01-01\n---\n");
        for (var i = 0; text.Length < 10 * 1024 * 1024; i++)
            text.Append($"Paragraph {i}: ").Append('x', 1000).Append("\n\n");
        text.Append("The last paragraph.\n");

        using var site = BuildWith("input/en/topics/2022/big.md", text.ToString());

        site.AssertFile("en/topics/2022/big/index.html", "<p>The last paragraph.</p>");
    }

    [Fact]
    public void A_ten_thousand_level_blockquote_is_reported_at_the_marker_beyond_the_limit()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\n" + new string('>', 10_000) + " deep\n");

        site.AssertDiagnostic("input/en/a.md(4,65): error GEN071: lists, quotes or emphasis are nested too deeply");
    }

    [Fact]
    public void A_ten_thousand_level_list_is_reported_at_the_marker_beyond_the_limit()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\nText\n\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep\n");

        site.AssertDiagnostic("input/en/a.md(6,129): error GEN071: lists, quotes or emphasis are nested too deeply");
    }

    // Issue 13 (A.5): nesting by indentation was not counted, so Markdig took cubic time
    // (5,000 levels ran past two minutes) and the page was reported at (1,1).
    [Theory]
    [InlineData(300)]
    [InlineData(1_000)]
    public void A_list_nested_by_indentation_is_reported_at_the_line_beyond_the_limit(int levels)
    {
        var list = string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + "- l" + i + "\n"));

        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\n" + list);

        site.AssertDiagnostic("input/en/a.md(68,129): error GEN071: lists, quotes or emphasis are nested too deeply (the limit is 64 levels)");
    }

    [Fact]
    public void A_list_nested_by_indentation_through_lazy_lines_and_quotes_is_counted_too()
    {
        var list = string.Concat(Enumerable.Range(0, 200).Select(i => "> " + new string(' ', 2 * i) + "- x\n> lazy\n"));

        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\n" + list);

        site.AssertDiagnostic("input/en/a.md(130,129): error GEN071");
    }

    [Fact]
    public void Lists_nested_by_indentation_within_the_limit_are_published()
    {
        var deep = string.Concat(Enumerable.Range(0, 60).Select(i => new string(' ', 2 * i) + "- level" + i + "\n"));
        var many = string.Concat(Enumerable.Range(0, 500).Select(i => "- item\n  - nested\n    - deeper\n\n      text\n"));

        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\n" + deep + "\nBetween.\n\n" + many + "\n```\n" + deep + "```\n");

        site.AssertFile("en/a/index.html", "<li>level59</li>");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.NestingTooDeep);
    }

    // Issue 13 (A.17): Markdig takes quadratic time over a run of link reference
    // definitions (100,000 took 47 s); beyond the limit the page is refused at the first too many.
    [Fact]
    public void Twenty_thousand_link_reference_definitions_are_reported_at_the_first_beyond_the_limit()
    {
        var definitions = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"[r{i}]: /en/\n"));

        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\n" + definitions);

        site.AssertDiagnostic("input/en/a.md(1004,1): error GEN026: more than 1000 link reference definitions");
    }

    [Fact]
    public void A_thousand_link_reference_definitions_are_used()
    {
        var definitions = string.Concat(Enumerable.Range(0, 1000).Select(i => $"[r{i}]: /en/\n"));

        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\nSee [home][r999].\n\n" + definitions);

        site.AssertFile("en/a/index.html", "See <a href=\"/en/\">home</a>.");
    }

    [Fact]
    public void Ten_thousand_nested_emphasis_and_brackets_are_reported_not_thrown()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\n"
            + new string('*', 10_000) + "x" + new string('*', 10_000) + "\n\n"
            + new string('[', 10_000) + "x" + new string(']', 10_000) + "\n");

        site.AssertDiagnostic("input/en/a.md(4,65): error GEN071"); // the marker that crosses the limit
    }

    [Fact]
    public void Two_hundred_thousand_nested_html_elements_are_reported_at_the_tag_beyond_the_limit()
    {
        // Found while testing: an HTML parser needs quadratic time for this (hours), so
        // it is refused before the sanitizer parses it.
        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\n" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "\n");

        site.AssertDiagnostic("input/en/a.md(4,1281): error GEN071: HTML elements are nested more than 256 levels deep; flatten them");
    }

    [Fact]
    public void Html_nested_within_the_limit_is_published()
    {
        using var site = BuildWith("input/en/a.md", "---\ntitle: T\n---\n" + string.Concat(Enumerable.Repeat("<div>", 200)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 200)) + "\n");

        site.AssertFile("en/a/index.html", "<div><div>deep</div></div>");
    }
}
