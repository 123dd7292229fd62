namespace Generator.Tests.Record;

// Issue 20, point 2: `changes:` is a topic's public change history. The page shows "Last
// updated" and the notes; JSON-LD dateModified, the Atom entry and the sitemap follow it.
public sealed class ChangeHistoryTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/topics/2022/water.md --
        ---
        title: Safe water
        summary: Wells for villages.
        date: 2022-09-20
        changes:
          - date: 2023-03-01
            note: Figures for 2022 added.
          - date: 2024-05-10
            note: The map was corrected.
        ---
        Text.
        -- input/ja/topics/2022/water.md --
        ---
        title: 安全な水
        summary: 村の井戸。
        changes:
          - date: 2023-03-01
            note: 2022年の数値を追加。
          - date: 2024-05-10
            note: 地図を修正。
        ---
        本文。
        -- input/en/topics/2022/plain.md --
        ---
        title: Plain
        summary: Never changed.
        date: 2022-09-21
        ---
        Text.
        """;

    [Fact]
    public void A_changed_topic_shows_last_updated_and_its_history_newest_first_in_each_language()
    {
        using var site = TestSite.Build(Site);

        site.AssertFile("en/topics/2022/water/index.html", """
            Last updated: <time datetime="2024-05-10">10 May 2024</time> <a href="#change-history">See all updates</a>
            <h2 id="change-history-heading">Change history</h2>
            <li><time datetime="2024-05-10">10 May 2024</time> <span class="change-note">The map was corrected.</span></li>
            <li><time datetime="2023-03-01">1 March 2023</time> <span class="change-note">Figures for 2022 added.</span></li>
            <li><time datetime="2022-09-20">20 September 2022</time> <span class="change-note">First published.</span></li>
            "dateModified":"2024-05-10"
            """);
        var english = site.Read("en/topics/2022/water/index.html");
        Assert.True(english.IndexOf("The map was corrected.", StringComparison.Ordinal) < english.IndexOf("Figures for 2022 added.", StringComparison.Ordinal));
        // The translation carries its own notes, in its language, for the same dates.
        site.AssertFile("ja/topics/2022/water/index.html", """
            最終更新日：<time datetime="2024-05-10">2024年5月10日</time>
            <h2 id="change-history-heading">更新履歴</h2>
            2022年の数値を追加。
            地図を修正。
            "dateModified":"2024-05-10"
            ! The map was corrected.
            """);
        // A page that never changed says neither.
        site.AssertFile("en/topics/2022/plain/index.html", """
            "dateModified":"2022-09-21"
            ! Last updated
            ! change-history
            """);
    }

    [Fact]
    public void The_atom_entry_and_the_sitemap_follow_the_last_change()
    {
        using var site = TestSite.Build(Site);

        var feed = System.Xml.Linq.XDocument.Parse(site.Read("en/feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "title")!.Value == "Safe water");
        Assert.Equal("2022-09-20T00:00:00Z", entry.Element(atom + "published")!.Value);
        Assert.Equal("2024-05-10T00:00:00Z", entry.Element(atom + "updated")!.Value);
        Assert.Equal("Wells for villages.\n\nUpdated 10 May 2024: The map was corrected.", entry.Element(atom + "content")!.Value);
        Assert.Equal("2024-05-10T00:00:00Z", feed.Root.Element(atom + "updated")!.Value);
        var plain = feed.Root.Elements(atom + "entry").Single(e => e.Element(atom + "title")!.Value == "Plain");
        Assert.Null(plain.Element(atom + "content"));
        Assert.Contains("2024年5月10日更新：地図を修正。", site.Read("ja/feed.xml"), StringComparison.Ordinal);

        // The pair's lastmod agree: a change has the same date in every language.
        var sitemap = site.Read("sitemap.xml");
        Assert.Contains("<loc>https://example.org/en/topics/2022/water/</loc>\n    <lastmod>2024-05-10</lastmod>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>https://example.org/ja/topics/2022/water/</loc>\n    <lastmod>2024-05-10</lastmod>", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_entries_are_checked_at_their_positions()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-09-20
            changes:
              - date: 2023-13-01
                note: Bad month.
              - date: 2024-02-01
                note: Second.
              - date: 2023-06-01
                note: Listed too late.
              - date: 2022-01-01
                note: Before the topic.
              - date: 2030-01-01
                note: Not yet.
              - date: 2024-03-01
              - date: 2024-04-01
                nota: Misspelled.
            ---
            Text.
            """);

        Assert.False(site.Result.Succeeded);
        site.AssertDiagnostic("input/en/topics/2022/a.md(6,11): error GEN012: 'date' must be YYYY-MM-DD, got \"2023-13-01\"");
        site.AssertDiagnostic("input/en/topics/2022/a.md(10,11): error GEN110: change of 2023-06-01 is listed after the change of 2024-02-01; list changes oldest first");
        site.AssertDiagnostic("input/en/topics/2022/a.md(12,11): error GEN110: change of 2022-01-01 is before the page was published (2022-09-20)");
        site.AssertDiagnostic("input/en/topics/2022/a.md(14,11): error GEN110: change of 2030-01-01 is in the future (the build date is 2025-01-01)");
        site.AssertDiagnostic("input/en/topics/2022/a.md(16,5): error GEN110: this change has no note; add 'note: …'");
        site.AssertDiagnostic("input/en/topics/2022/a.md(18,5): error GEN011: unknown key 'nota' in a change; did you mean 'note'?");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().StartsWith("input/en/topics/2022/a.md(17,5)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelled_changes_key_is_an_unknown_key_with_a_suggestion()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-09-20
            chnages:
              - date: 2023-01-01
                note: N.
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,1): error GEN011: unknown key 'chnages'; did you mean 'changes'?");
    }

    // Outside look (issue 20): a change noted in one language only went unreported, and the
    // pair's sitemap lastmod then differed.
    [Fact]
    public void A_change_recorded_in_one_language_only_is_an_error_at_its_entry_naming_the_other_file()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/en/topics/2022/water.md --
            ---
            title: Safe water
            summary: Wells.
            date: 2022-09-20
            changes:
              - date: 2023-03-01
                note: Figures added.
              - date: 2024-05-10
                note: The map was corrected.
            ---
            Text.
            -- input/ja/topics/2022/water.md --
            ---
            title: 安全な水
            summary: 井戸。
            changes:
              - date: 2023-03-01
                note: 数値を追加。
              - date: 2024-05-11
                note: 地図を修正。
            ---
            本文。
            -- input/en/topics/2022/roads.md --
            ---
            title: Roads
            summary: Roads.
            date: 2022-09-21
            changes:
              - date: 2023-01-01
                note: Costs added.
            ---
            Text.
            -- input/ja/topics/2022/roads.md --
            ---
            title: 道路
            summary: 道路。
            ---
            本文。
            """);

        Assert.False(site.Result.Succeeded);
        site.AssertDiagnostic("input/en/topics/2022/water.md(8,11): error GEN115: change of 2024-05-10 is not in the 日本語 (ja) translation input/ja/topics/2022/water.md; a change has the same date in every language: add '- date: 2024-05-10' with its 'note:' in 日本語 (ja) to that file's changes");
        site.AssertDiagnostic("input/ja/topics/2022/water.md(7,11): error GEN115: change of 2024-05-11 is not in the English (en) original input/en/topics/2022/water.md; a change has the same date in every language: write the date of the original's change (2024-05-10), or add the change to the original with its note in English (en)");
        site.AssertDiagnostic("input/en/topics/2022/roads.md(6,11): error GEN115: change of 2023-01-01 is not in the 日本語 (ja) translation input/ja/topics/2022/roads.md");
        Assert.Equal(3, site.Result.Diagnostics.Count(d => d.Code == Generator.DiagnosticCodes.ChangeDatesDiffer));
    }

    // Outside look (issue 20): changes and superseded_by on a page were accepted and ignored.
    [Fact]
    public void Changes_and_superseded_by_on_a_page_are_keys_topics_alone_take()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/about.md --
            ---
            title: About
            changes:
              - date: 2023-01-01
                note: Contact added.
            superseded_by: topics/2023/x
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/about.md(3,1): error GEN011: 'changes' is a key topics alone take (files under <language>/topics/<edition>/), and this is a page; remove it");
        site.AssertDiagnostic("input/en/about.md(6,1): error GEN011: 'superseded_by' is a key topics alone take");
    }
}
