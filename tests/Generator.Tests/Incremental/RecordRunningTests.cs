namespace Generator.Tests.Incremental;

// Issue 20: editing a topic's record (its change history, its old addresses) in preview
// gives what a fresh build gives (RunningSite compares the two after every Build).
public sealed class RecordRunningTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/topics/2022/water.md --
        ---
        title: Safe water
        summary: Wells for villages.
        date: 2022-09-20
        ---
        Text.
        -- input/ja/topics/2022/water.md --
        ---
        title: 安全な水
        summary: 村の井戸。
        ---
        本文。
        -- input/en/topics/2023/roads.md --
        ---
        title: Roads 2023
        summary: Roads again.
        date: 2023-09-21
        ---
        Text.
        -- input/en/topics/2022/roads.md --
        ---
        title: Roads
        summary: Roads for markets.
        date: 2022-09-21
        ---
        Text.
        """;

    [Fact]
    public void Adding_and_editing_a_change_note_updates_the_page_the_feed_and_the_sitemap()
    {
        using var site = TestSite.Running(Site);

        site.Edit("input/en/topics/2022/water.md", "date: 2022-09-20\n", "date: 2022-09-20\nchanges:\n  - date: 2023-03-01\n    note: Figures added.\n").Build();
        site.AssertPage("en/topics/2022/water/index.html", """
            Figures added.
            "dateModified":"2023-03-01"
            """);
        site.AssertPage("en/feed.xml", "Updated 1 March 2023: Figures added.");
        site.AssertPage("sitemap.xml", "<lastmod>2023-03-01</lastmod>");

        site.Edit("input/en/topics/2022/water.md", "note: Figures added.", "note: Figures for 2022 added.").Build();
        site.AssertPage("en/topics/2022/water/index.html", "Figures for 2022 added.");

        site.Edit("input/en/topics/2022/water.md", "changes:\n  - date: 2023-03-01\n    note: Figures for 2022 added.\n", "").Build();
        site.AssertPage("en/topics/2022/water/index.html", """
            ! Figures for 2022 added.
            ! Last updated
            """);
    }

    [Fact]
    public void Adding_moving_and_removing_an_alias_writes_and_removes_its_redirect_page()
    {
        using var site = TestSite.Running(Site);

        site.Edit("input/en/topics/2022/water.md", "date: 2022-09-20\n", "date: 2022-09-20\naliases: [/en/topics/2021/wells/]\n").Build();
        site.AssertPage("en/topics/2021/wells/index.html", "<a href=\"/en/topics/2022/water/\">Safe water</a>");
        site.AssertPage("_redirects", "/en/topics/2021/wells/ /en/topics/2022/water/ 301");

        // The title shown on the redirect page follows the page's.
        site.Edit("input/en/topics/2022/water.md", "title: Safe water", "title: Clean water").Build();
        site.AssertPage("en/topics/2021/wells/index.html", "Clean water</a>");

        // The same alias on a second page is a collision; taking it off the first resolves it.
        site.Edit("input/en/topics/2022/roads.md", "date: 2022-09-21\n", "date: 2022-09-21\naliases: [/en/topics/2021/wells/]\n").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.AliasCollision);
        site.Edit("input/en/topics/2022/water.md", "aliases: [/en/topics/2021/wells/]\n", "").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.AliasCollision);
        site.AssertPage("en/topics/2021/wells/index.html", "<a href=\"/en/topics/2022/roads/\">Roads</a>");

        site.Edit("input/en/topics/2022/roads.md", "aliases: [/en/topics/2021/wells/]\n", "").Build();
        Assert.DoesNotContain(site.Result.Outputs.Values.SelectMany(d => d), d => d.Destination is "_redirects" or "en/topics/2021/wells/index.html");
    }

    [Fact]
    public void Setting_and_renaming_a_replacement_relinks_both_topics()
    {
        using var site = TestSite.Running(Site);

        site.Edit("input/en/topics/2022/roads.md", "date: 2022-09-21\n", "date: 2022-09-21\nsuperseded_by: topics/2023/roads\n").Build();
        site.AssertPage("en/topics/2022/roads/index.html", "It is replaced by <a href=\"/en/topics/2023/roads/\">Roads 2023</a>");
        site.AssertPage("en/topics/2023/roads/index.html", "This topic replaces <a href=\"/en/topics/2022/roads/\">Roads</a>");

        site.Edit("input/en/topics/2023/roads.md", "title: Roads 2023", "title: Roads and markets").Build();
        site.AssertPage("en/topics/2022/roads/index.html", "Roads and markets</a>");

        site.Remove("input/en/topics/2023/roads.md").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.SupersededBy);

        site.Edit("input/en/topics/2022/roads.md", "superseded_by: topics/2023/roads\n", "").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.SupersededBy);
    }

    [Fact]
    public void Renaming_a_topic_rewrites_its_citation_files()
    {
        using var site = TestSite.Running(Site);

        site.Edit("input/en/topics/2022/water.md", "title: Safe water", "title: Safe drinking water").Build();
        site.AssertPage("en/topics/2022/water/cite.bib", "title = {{Safe} drinking water}");
        site.AssertPage("en/topics/2022/water/cite.ris", "TI  - Safe drinking water");
        site.AssertPage("en/topics/2022/water/index.html", "Safe drinking water. In White Paper");
        // Each topic's files are made from its own page: the other topics' are not made again.
        var remade = site.Result.Rerun.Where(r => r.Module == nameof(Generator.Modules.CreateCitationFiles)).Select(r => r.Document).ToList();
        Assert.Contains("en/topics/2022/water/index.html", remade);
        Assert.DoesNotContain("en/topics/2023/roads/index.html", remade);
    }

    // Outside look (issue 20): the pair's change dates (GEN115) and a draft replacement
    // (GEN114, read from the draft's file) follow edits in preview as in a fresh build.
    [Fact]
    public void Recording_the_translations_change_and_publishing_a_draft_replacement_clear_their_diagnostics()
    {
        using var site = TestSite.Running(Site);

        site.Edit("input/en/topics/2022/water.md", "date: 2022-09-20\n", "date: 2022-09-20\nchanges:\n  - date: 2023-03-01\n    note: Figures added.\n").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.ChangeDatesDiffer);
        site.Edit("input/ja/topics/2022/water.md", "summary: 村の井戸。\n", "summary: 村の井戸。\nchanges:\n  - date: 2023-03-01\n    note: 数値を追加。\n").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.ChangeDatesDiffer);
        var sitemap = site.Page("sitemap.xml");
        Assert.Contains("<loc>https://example.org/ja/topics/2022/water/</loc>\n    <lastmod>2023-03-01</lastmod>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>https://example.org/en/topics/2022/water/</loc>\n    <lastmod>2023-03-01</lastmod>", sitemap, StringComparison.Ordinal);

        site.Edit("input/en/topics/2023/roads.md", "date: 2023-09-21\n", "date: 2023-09-21\ndraft: true\n").Build();
        site.Edit("input/en/topics/2022/roads.md", "date: 2022-09-21\n", "date: 2022-09-21\nsuperseded_by: topics/2023/roads\n").Build();
        Assert.Contains(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.SupersededBy && d.Message.Contains("is a draft", StringComparison.Ordinal));
        site.Edit("input/en/topics/2023/roads.md", "draft: true\n", "").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == Generator.DiagnosticCodes.SupersededBy);
        site.AssertPage("en/topics/2022/roads/index.html", "It is replaced by <a href=\"/en/topics/2023/roads/\">Roads 2023</a>");
    }
}
