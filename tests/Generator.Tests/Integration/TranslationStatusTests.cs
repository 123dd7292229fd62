using Generator.Content;
using Generator.Editing;

namespace Generator.Tests.Integration;

// Issue 4: translations record what they were translated from; check reports missing and
// stale ones, the table shows every page by language, and a stale page says so.
public sealed class TranslationStatusTests
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
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: S
        date: 2022-01-01
        ---
        The original text.
        -- input/ja/topics/2022/a.md --
        ---
        title: エー
        summary: エス
        ---
        原文の翻訳。
        -- input/en/topics/2022/b.md --
        ---
        title: B
        summary: S
        date: 2022-01-02
        ---
        Not translated yet.
        """;

    [Fact]
    public void Marked_translations_are_ok_until_the_original_text_changes_then_stale_with_a_notice()
    {
        using var site = TestSite.Create(Site).Rebuild(write: false);
        site.AssertDiagnostic("input/ja/topics/2022/a.md(1,1): warning GEN062: does not say which version of input/en/topics/2022/a.md it translates");
        Assert.Equal(["input/ja/index.md", "input/ja/topics/2022/a.md"], TranslationMarker.Mark(site.Result, [], Path.Combine(site.Root, "input"), null).Changed);

        site.Rebuild(write: false);

        Assert.Equal(
            [
                "input/en/topics/2022/b.md(1,1): warning GEN060: has no 日本語 (ja) translation yet; add input/ja/topics/2022/b.md (or a page with the same translation_key)",
            ],
            site.Result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal("""
            page           kind   en        ja
            index          home   original  ok
            topics/2022/a  topic  original  ok
            topics/2022/b  topic  original  missing
            en: 3 original
            ja: 1 missing, 2 ok

            """, Report(site).ToText());
        site.Rebuild();
        Assert.Empty(site.Result.Diagnostics); // build publishes without the translation warnings
        site.AssertFile("ja/topics/2022/a/index.html", """
            原文の翻訳。
            ! translation-stale
            """);

        site.Edit("""
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            ---
            The original text, revised.
            """).Rebuild(write: false);

        site.AssertDiagnostic("input/ja/topics/2022/a.md(4,18): warning GEN061: input/en/topics/2022/a.md has changed since this translation was made; update the translation, then run 'translations mark input/ja/topics/2022/a.md'");
        Assert.Contains("topics/2022/a  topic  original  stale", Report(site).ToText());
        site.Rebuild();
        site.AssertFile("ja/topics/2022/a/index.html", """
            <aside class="notice translation-stale" role="note" data-pagefind-ignore><p>この翻訳の作成後に英語の原文が更新されています。 <a href="/en/topics/2022/a/">原文を読む</a></p></aside>
            """);
        site.AssertFile("en/topics/2022/a/index.html", "! translation-stale");
    }

    // Issue 14, outside look: a marked translation whose original was deleted said
    // "warning GEN061:  has changed" (an empty path) for the home page, and GEN060 "has no
    // English translation yet" for a topic; both name the original they pair with now.
    [Fact]
    public void A_marked_translation_whose_original_is_deleted_names_the_missing_original_and_what_to_write()
    {
        using var site = TestSite.Running(Site);
        var marked = TranslationMarker.Mark(site.Result, [], Path.Combine(site.Root, "input"), null).Changed;
        foreach (var path in marked)
            site.Write(path, File.ReadAllText(Path.Combine(site.Root, path))); // tells the session, as preview's watcher would

        site.Remove("input/en/index.md").Remove("input/en/topics/2022/a.md").Build();

        var messages = site.Result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains("input/ja/index.md(3,18): warning GEN123: was marked as the translation of input/en/index.md, but that English (en) original is missing (deleted or renamed); "
            + "restore it, set 'translation_key' to the key of the page it translates now, or delete this translation", messages);
        Assert.Contains("input/ja/topics/2022/a.md(4,18): warning GEN123: was marked as the translation of input/en/topics/2022/a.md, but that English (en) original is missing (deleted or renamed); "
            + "restore it, set 'translation_key' to the key of the page it translates now, or delete this translation", messages);
        Assert.DoesNotContain(messages, m => m.Contains("GEN061", StringComparison.Ordinal) || m.Contains("GEN060", StringComparison.Ordinal) && m.StartsWith("input/ja/", StringComparison.Ordinal));

        site.Write("input/en/index.md", "---\ntitle: Home\n---\n").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().StartsWith("input/ja/index.md(3,18): warning GEN123", StringComparison.Ordinal));
    }

    [Fact]
    public void Resaving_the_original_with_other_line_endings_or_trailing_spaces_keeps_the_translation_ok()
    {
        using var site = TestSite.Create(Site).Rebuild(write: false); // as `translations mark` runs
        TranslationMarker.Mark(site.Result, [], Path.Combine(site.Root, "input"), null);
        var original = Path.Combine(site.Root, "input/en/topics/2022/a.md");
        File.WriteAllText(original, File.ReadAllText(original).Replace("\n", "  \r\n") + "\r\n\r\n");

        site.Rebuild();

        Assert.Contains("topics/2022/a  topic  original  ok", Report(site).ToText());
    }

    [Fact]
    public void Marking_writes_only_the_translated_from_line_and_replaces_an_old_one()
    {
        var file = "---\ntitle: エー\ntranslated_from: \"sha256:old\"\n---\n本文\n";

        Assert.Equal("---\ntitle: エー\ntranslated_from: \"sha256:new\"\n---\n本文\n", TranslationMarker.WithTranslatedFrom(file, "sha256:new"));
        Assert.Equal("---\r\ntitle: エー\r\ntranslated_from: \"sha256:x\"\r\n---\r\n", TranslationMarker.WithTranslatedFrom("---\r\ntitle: エー\r\n---\r\n", "sha256:x"));
    }

    [Fact]
    public void The_json_report_lists_each_page_with_its_status_and_file_per_language()
    {
        using var site = TestSite.Build(Site);

        TestSite.AssertText(Report(site).ToJson(), """
            "key": "topics/2022/b",
            "status": "missing",
            "source": null
            "status": "unmarked",
            "source": "input/ja/topics/2022/a.md"
            """, "json");
    }

    private static TranslationReport Report(TestSite site) =>
        TranslationReport.From(site.Result.Outputs[nameof(Pipelines.Content)], Generator.Site.SiteConfig.Default);
}
