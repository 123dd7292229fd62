namespace Generator.Tests.Integration;

// Issue 3: what a topic page shows around its text.
public sealed class TopicPageTests(ListSite fixture) : IClassFixture<ListSite>
{
    private readonly TestSite site = fixture.Site;

    [Fact]
    public void A_topic_with_three_headings_gets_a_table_of_contents_and_heading_self_links()
    {
        site.AssertFile("en/topics/2022/a/index.html", """
            <nav class="toc" aria-labelledby="toc-heading" data-pagefind-ignore>
            <li class="toc-level-2"><a href="#first">First</a></li>
            <li class="toc-level-2"><a href="#third">Third</a></li>
            <h2 id="second">Second <a class="heading-anchor" href="#second" aria-label="Link to this section: Second">#</a></h2>
            """);
        site.AssertFile("ja/topics/2022/a/index.html", """
            ! class="toc"
            """);
    }

    [Fact]
    public void Footnotes_tables_and_figures_are_rendered_for_every_screen()
    {
        site.AssertFile("en/topics/2022/a/index.html", """
            <a id="fnref:1" href="#fn:1" class="footnote-ref"><sup>1</sup></a>
            <li id="fn:1">
            <div class="table-scroll" role="region" tabindex="0" aria-label="Table (scrolls sideways)">
            <img src="/repo/assets/images/a.svg" alt="A well" width="640" height="360" fetchpriority="high">
            <img src="/repo/assets/images/a.svg" alt="A pump" width="640" height="360" loading="lazy" decoding="async">
            """);
    }

    [Fact]
    public void The_topic_prints_its_edition_number_and_address()
    {
        site.AssertFile("en/topics/2022/a/index.html", """
            <p class="topic-series" data-pagefind-meta="series">ODA Topics 1</p>
            <span class="topic-edition" data-pagefind-filter="edition:2022" data-pagefind-meta="edition">White Paper on Development Cooperation 2022</span>
            <p class="print-only print-url" data-pagefind-ignore>Web address: https://org.github.io/repo/en/topics/2022/a/</p>
            """);
        var css = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot(), "theme/assets/css/site.css"));
        TestSite.AssertText(css, """
            .print-only { display: none; }
            @media print
            .print-only { display: block; }
            figcaption { break-before: avoid;
            """, "site.css");
    }

    [Fact]
    public void Japanese_text_gets_its_own_line_height_measure_and_line_breaking()
    {
        var css = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot(), "theme/assets/css/site.css"));
        TestSite.AssertText(css, """
            --measure-ja: 40em;
            line-height: 1.9;
            line-break: strict;
            @supports (word-break: auto-phrase)
            :lang(ja) em, :lang(ja) i, :lang(ja) cite { font-style: normal;
            """, "site.css");
    }
}
