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
        Assert.Equal("input/en/topics/2023/water-and-sanitation.md\ninput/ja/topics/2023/water-and-sanitation.md\n", stdout.Replace("\r\n", "\n"));
        var english = File.ReadAllText(Path.Combine(site.Root, "input/en/topics/2023/water-and-sanitation.md"));
        TestSite.AssertText(english, """
            title: "Water and \"Sanitation\""
            edition: 2023
            number: 4
            """, "the English scaffold");
        // The scaffold is dated today, so build on today's date (tests otherwise build in 2025).
        site.Rebuild(site.Settings() with { BuildTime = DateTimeOffset.UtcNow });
        site.AssertSucceeded();
        site.AssertFile("en/topics/2023/water-and-sanitation/index.html", "Water and &quot;Sanitation&quot;");
        site.AssertFile("ja/topics/2023/water-and-sanitation/index.html", "ODAトピックス4");
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
