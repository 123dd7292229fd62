namespace Generator.Tests.Record;

// Issue 20, point 4: a topic of an older edition says so in its language and leads to its
// replacement (superseded_by, linked both ways and checked) or to the latest edition; the
// edition list shows each edition's publication date and PDF.
public sealed class EditionTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        editions:
          2023:
            published: 2024-03-29
            pdf: { en: "https://example.go.jp/2023-en.pdf", ja: "https://example.go.jp/2023-ja.pdf" }
        -- input/en/topics/2022/water.md --
        ---
        title: Safe water
        summary: Wells.
        date: 2022-09-20
        superseded_by: topics/2023/water-and-health
        ---
        Text.
        -- input/ja/topics/2022/water.md --
        ---
        title: 安全な水
        summary: 井戸。
        ---
        本文。
        -- input/en/topics/2022/roads.md --
        ---
        title: Roads
        summary: Roads.
        date: 2022-09-21
        ---
        Text.
        -- input/en/topics/2023/water-and-health.md --
        ---
        title: Water and health
        summary: Water, health.
        date: 2023-09-20
        ---
        Text.
        -- input/ja/topics/2023/water-and-health.md --
        ---
        title: 水と保健
        summary: 水と保健。
        ---
        本文。
        """;

    [Fact]
    public void A_superseded_topic_links_to_its_replacement_and_back_in_each_language()
    {
        using var site = TestSite.Build(Site);

        site.AssertFile("en/topics/2022/water/index.html", """
            <aside class="notice older-edition" role="note" data-pagefind-ignore><p>This topic is from the 2022 edition of the White Paper on Development Cooperation.
            It is replaced by <a href="/en/topics/2023/water-and-health/">Water and health</a> in the 2023 edition.</p></aside>
            """);
        site.AssertFile("en/topics/2023/water-and-health/index.html", """
            This topic replaces <a href="/en/topics/2022/water/">Safe water</a> of the 2022 edition.
            ! older-edition
            """);
        // The translation inherits superseded_by, and links within its language.
        site.AssertFile("ja/topics/2022/water/index.html", """
            このトピックは2022年版開発協力白書のものです。
            2023年版の<a href="/ja/topics/2023/water-and-health/">水と保健</a>に改められています。
            """);
        site.AssertFile("ja/topics/2023/water-and-health/index.html", """
            このトピックは2022年版の<a href="/ja/topics/2022/water/">安全な水</a>を改めたものです。
            """);
    }

    [Fact]
    public void An_older_topic_without_a_replacement_leads_to_the_latest_edition()
    {
        using var site = TestSite.Build(Site);

        site.AssertFile("en/topics/2022/roads/index.html", """
            This topic is from the 2022 edition of the White Paper on Development Cooperation.
            <a href="/en/topics/2023/">See the topics of the 2023 edition</a>
            """);
    }

    [Fact]
    public void The_edition_list_shows_each_editions_publication_date_and_pdf()
    {
        using var site = TestSite.Build(Site);

        site.AssertFile("en/index.html", """
            <a href="/en/topics/2023/">White Paper on Development Cooperation 2023</a>
            <span class="edition-published">(edition published <time datetime="2024-03-29">29 March 2024</time>)</span> <a class="edition-pdf" href="https://example.go.jp/2023-en.pdf" type="application/pdf">PDF</a>
            """);
        site.AssertFile("ja/index.html", """
            <span class="edition-published">（白書の発行日：<time datetime="2024-03-29">2024年3月29日</time>）</span>
            """);
    }

    [Fact]
    public void A_replacement_that_is_no_topic_or_not_later_is_reported_at_superseded_by()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-09-20
            superseded_by: topics/2023/bb
            ---
            Text.
            -- input/en/topics/2022/c.md --
            ---
            title: C
            summary: S
            date: 2022-09-20
            superseded_by: topics/2022/a
            ---
            Text.
            -- input/en/topics/2022/d.md --
            ---
            title: D
            summary: S
            date: 2022-09-20
            superseded_by: topics/2022/d
            ---
            Text.
            -- input/en/topics/2023/b.md --
            ---
            title: B
            summary: S
            date: 2023-09-20
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,16): error GEN114: superseded_by 'topics/2023/bb' is no topic; did you mean 'topics/2023/b'?");
        site.AssertDiagnostic("input/en/topics/2022/c.md(5,16): error GEN114: superseded_by 'topics/2022/a' is of the 2022 edition, not later than this topic's 2022");
        site.AssertDiagnostic("input/en/topics/2022/d.md(5,16): error GEN114: superseded_by names this topic itself");
    }

    // Outside look (issue 20): a replacement that is a draft or scheduled was "no topic", with
    // the same name suggested.
    [Fact]
    public void A_replacement_that_is_a_draft_or_scheduled_is_said_to_be_not_published_yet()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-09-20
            superseded_by: topics/2023/b
            ---
            Text.
            -- input/en/topics/2022/c.md --
            ---
            title: C
            summary: S
            date: 2022-09-20
            superseded_by: topics/2026/d
            ---
            Text.
            -- input/en/topics/2023/b.md --
            ---
            title: B
            summary: S
            date: 2023-09-20
            draft: true
            ---
            Text.
            -- input/ja/topics/2023/b.md --
            ---
            title: B（日本語）
            summary: S
            date: 2023-09-20
            ---
            本文。
            -- input/en/topics/2026/d.md --
            ---
            title: D
            summary: S
            date: 2026-03-01
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,16): warning GEN114: superseded_by 'topics/2023/b' is a draft (input/en/topics/2023/b.md has 'draft: true'), not published: this topic shows no link to it until it is");
        site.AssertDiagnostic("input/en/topics/2022/c.md(5,16): note GEN114: superseded_by 'topics/2026/d' is scheduled for 2026-03-01 (input/en/topics/2026/d.md) and not published yet");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Message.Contains("is no topic", StringComparison.Ordinal));
        site.AssertFile("en/topics/2022/a/index.html", "! It is replaced by");
    }

    // Outside look (issue 20): superseded_by in the translation only split the languages unreported.
    [Fact]
    public void A_superseded_by_that_only_the_translation_sets_is_an_error_there()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/en/topics/2022/water.md --
            ---
            title: Safe water
            summary: Wells.
            date: 2022-09-20
            ---
            Text.
            -- input/ja/topics/2022/water.md --
            ---
            title: 安全な水
            summary: 井戸。
            superseded_by: topics/2023/health
            ---
            本文。
            -- input/en/topics/2023/health.md --
            ---
            title: Health
            summary: Health.
            date: 2023-09-20
            ---
            Text.
            """);

        site.AssertDiagnostic("input/ja/topics/2022/water.md(4,16): error GEN114: superseded_by is set in this translation but not in its English (en) original input/en/topics/2022/water.md; it is the same in every language: write 'superseded_by: topics/2023/health' in the original and remove it here");
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.SupersededBy);
    }

    // Issue 20, point 4: the edition index lists editions with their publication date (and PDF).
    [Fact]
    public void The_edition_indexes_show_each_editions_publication_date_and_pdf()
    {
        using var site = TestSite.Build(Site);

        site.AssertFile("en/topics/index.html", """
            <h2 id="group-1"><a href="/en/topics/2023/">White Paper on Development Cooperation 2023</a></h2>
            <p class="edition-facts"> <span class="edition-published">(edition published <time datetime="2024-03-29">29 March 2024</time>)</span> <a class="edition-pdf" href="https://example.go.jp/2023-en.pdf" type="application/pdf">PDF</a></p>
            """);
        site.AssertFile("ja/topics/index.html", """
            <span class="edition-published">（白書の発行日：<time datetime="2024-03-29">2024年3月29日</time>）</span> <a class="edition-pdf" href="https://example.go.jp/2023-ja.pdf" type="application/pdf">PDF</a>
            """);
        site.AssertFile("en/topics/2023/index.html", """
            <p class="edition-facts"> <span class="edition-published">(edition published <time datetime="2024-03-29">29 March 2024</time>)</span>
            """);
        // An edition site.yml gives no date for shows none.
        site.AssertFile("en/topics/2022/index.html", "! edition-facts");
    }
}
