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
            <span class="edition-published">published <time datetime="2024-03-29">29 March 2024</time></span> <a class="edition-pdf" href="https://example.go.jp/2023-en.pdf" type="application/pdf">PDF</a>
            """);
        site.AssertFile("ja/index.html", """
            <span class="edition-published"><time datetime="2024-03-29">2024年3月29日</time>発行</span>
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
}
