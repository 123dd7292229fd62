using Generator.Editing;

namespace Generator.Tests.Integration;

// Issue 4: the editor's commands through the real executable: new topic, check --translations,
// translations mark.
public sealed class EditorCommandTests
{
    private const string Site = """
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
        -- input/en/topics/2023/energy.md --
        ---
        title: Energy
        summary: S
        date: 2023-01-01
        number: 3
        ---
        """;

    [Fact]
    public void New_topic_scaffolds_both_languages_with_the_next_number_and_the_site_still_checks()
    {
        using var site = TestSite.Create(Site);

        var (code, stdout) = CommandLineTests.Run(site, "new", "topic", "--edition", "2023", "--slug", "water-and-sanitation", "--title", "Water and \"Sanitation\"");

        Assert.True(code == 0, stdout);
        Assert.StartsWith("input/en/topics/2023/water-and-sanitation.md\ninput/ja/topics/2023/water-and-sanitation.md\ncreated as drafts", stdout.Replace("\r\n", "\n"));
        var english = File.ReadAllText(Path.Combine(site.Root, "input/en/topics/2023/water-and-sanitation.md"));
        TestSite.AssertText(english, """
            title: "Water and \"Sanitation\""
            edition: 2023
            number: 4
            """, "the English scaffold");
        // The scaffold is dated today, so build on today's date (tests otherwise build in 2025);
        // it is a draft, published only with --drafts.
        site.Rebuild(site.Settings() with { BuildTime = DateTimeOffset.UtcNow });
        site.AssertSucceeded();
        Assert.False(site.Exists("en/topics/2023/water-and-sanitation/index.html"));
        site.Rebuild(site.Settings() with { BuildTime = DateTimeOffset.UtcNow, IncludeDrafts = true });
        site.AssertSucceeded();
        site.AssertFile("en/topics/2023/water-and-sanitation/index.html", "Water and &quot;Sanitation&quot;");
        site.AssertFile("ja/topics/2023/water-and-sanitation/index.html", "ODAトピックス4");
    }

    // Issue 13 (B): a scaffold whose draft line was removed before its text was written
    // is an error at the placeholder, so it cannot be published as it is.
    [Fact]
    public void A_scaffold_published_with_its_placeholder_text_is_an_error_at_that_text()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "new", "topic", "--edition", "2023", "--slug", "wells").Code);
        foreach (var lang in new[] { "en", "ja" })
        {
            var file = Path.Combine(site.Root, $"input/{lang}/topics/2023/wells.md");
            File.WriteAllText(file, File.ReadAllText(file).Replace("draft: true\n", ""));
        }

        site.Rebuild(site.Settings() with { BuildTime = DateTimeOffset.UtcNow });

        site.AssertDiagnostic("input/en/topics/2023/wells.md(3,11): error GEN064: still holds the placeholder text \"One or two sentences");
        site.AssertDiagnostic("input/ja/topics/2023/wells.md(3,11): error GEN064: still holds the placeholder text \"Translate the summary\"");
    }

    [Fact]
    public void New_topic_refuses_to_overwrite_and_writes_nothing()
    {
        using var site = TestSite.Create(Site + "\n" + """
            -- input/ja/topics/2023/energy.md --
            ---
            title: エネルギー
            summary: エス
            ---
            """);
        var before = File.ReadAllText(Path.Combine(site.Root, "input/ja/topics/2023/energy.md"));

        var (code, stdout) = CommandLineTests.Run(site, "new", "topic", "--edition", "2023", "--slug", "energy");

        Assert.Equal(1, code);
        TestSite.AssertText(stdout, """
            input/en/topics/2023/energy.md: error GEN063: already exists and was left as it is; choose another --slug or edit that file
            input/ja/topics/2023/energy.md: error GEN063: already exists
            """, "stdout");
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.Root, "input/ja/topics/2023/energy.md")));
    }

    [Fact]
    public void Next_number_counts_every_language_of_the_edition_only()
    {
        using var site = TestSite.Create(Site + "\n" + """
            -- input/ja/topics/2023/only-ja.md --
            ---
            title: 日本語のみ
            number: 7
            ---
            -- input/en/topics/2022/old.md --
            ---
            number: 12
            ---
            """);

        Assert.Equal(8, TopicScaffold.NextNumber(Path.Combine(site.Root, "input"), Generator.Site.SiteConfig.Default, 2023));
        Assert.Equal(1, TopicScaffold.NextNumber(Path.Combine(site.Root, "input"), Generator.Site.SiteConfig.Default, 2030));
    }

    [Fact]
    public void Check_translations_prints_the_table_and_json_and_mark_makes_them_ok()
    {
        using var site = TestSite.Create(Site);

        var (code, table) = CommandLineTests.Run(site, "check", "--translations");
        var (_, json) = CommandLineTests.Run(site, "check", "--translations", "--format", "json");
        var (_, marked) = CommandLineTests.Run(site, "translations", "mark");
        var (_, after) = CommandLineTests.Run(site, "check", "--translations");

        Assert.True(code == 0, table);
        TestSite.AssertText(table, """
            page                kind   en        ja
            index               home   original  unmarked
            topics/2023/energy  topic  original  missing
            """, "table");
        TestSite.AssertText(json, """
            "key": "topics/2023/energy",
            "status": "missing",
            """, "json");
        Assert.Equal("marked input/ja/index.md\n", marked.Replace("\r\n", "\n"));
        TestSite.AssertText(after, "index               home   original  ok", "table after marking");
    }
}
