namespace Generator.Tests.Integration;

// Issue 15: an edition, a series and number, and a count are worded in one place (Labels), so
// the topic page, its card, its breadcrumbs, the edition's list, the print running head and
// the search page (its filters, and the meta Pagefind gives the results) all say the same.
public sealed class LabelTests
{
    private const string Files = """
        -- input/site.yml --
        base_url: "https://example.org/"
        languages: [en, ja]
        editions:
          2022:
            title: { en: "Development Cooperation White Paper 2022", ja: "開発協力白書2022" }
        -- input/en/topics/2022/a.md --
        ---
        title: Alpha
        summary: The first topic.
        date: 2022-05-01
        number: 4
        ---
        Text.
        -- input/ja/topics/2022/a.md --
        ---
        title: アルファ
        summary: 最初のトピック。
        ---
        本文。
        """;

    [Fact]
    public void An_edition_is_named_alike_on_its_topic_card_breadcrumbs_list_search_filter_and_running_head()
    {
        using var site = TestSite.Build(Files);

        site.AssertFile("en/topics/2022/a/index.html", """
            <html lang="en" style="--running-head: &quot;White Paper Topics | Development Cooperation White Paper 2022&quot;">
            <a href="/en/topics/2022/">Development Cooperation White Paper 2022</a>
            <span class="topic-edition" data-pagefind-filter="edition:2022" data-pagefind-meta="edition">Development Cooperation White Paper 2022</span>
            ! White Paper on Development Cooperation 2022
            """);
        site.AssertFile("en/topics/2022/index.html", """
            <h1>Development Cooperation White Paper 2022</h1>
            <span>Development Cooperation White Paper 2022</span>
            ! White Paper on Development Cooperation 2022
            """);
        site.AssertFile("en/search/index.html", """
            <label for="filter-edition-1">Development Cooperation White Paper 2022</label>
            """);
        site.AssertFile("ja/topics/2022/a/index.html", """
            <span class="topic-edition" data-pagefind-filter="edition:2022" data-pagefind-meta="edition">開発協力白書2022</span>
            ! 2022年版開発協力白書
            """);
    }

    [Fact]
    public void A_number_without_a_series_is_labelled_on_the_page_and_for_search()
    {
        using var site = TestSite.Build(Files);

        site.AssertFile("en/topics/2022/a/index.html", """<p class="topic-series" data-pagefind-meta="series">Topic 4</p>""");
        site.AssertFile("ja/topics/2022/a/index.html", """<p class="topic-series" data-pagefind-meta="series">トピック4</p>""");
    }

    [Fact]
    public void The_search_page_gives_its_script_the_plural_forms_of_its_count()
    {
        using var site = TestSite.Build(Files);

        site.AssertFile("en/search/index.html", """data-found="{&quot;one&quot;:&quot;1 topic found for \u201C{query}\u201D.&quot;,&quot;other&quot;:&quot;{count} topics found for \u201C{query}\u201D.&quot;}" """.TrimEnd());
        site.AssertFile("ja/search/index.html", """data-found="{&quot;other&quot;:&quot;""");
    }
}
