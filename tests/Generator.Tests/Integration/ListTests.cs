using Generator.Validation;

namespace Generator.Tests.Integration;

// Issue 3: lists per language, breadcrumbs, previous/next, related topics, pagination and
// topics that exist in one language only.
public sealed class ListTests(ListSite fixture) : IClassFixture<ListSite>
{
    private readonly TestSite site = fixture.Site;

    [Fact]
    public void An_edition_index_lists_its_topics_by_number_and_pages_after_the_page_size()
    {
        var first = site.Read("en/topics/2022/index.html");
        AssertOrder(first, "/repo/en/topics/2022/a/", "/repo/en/topics/2022/b/");
        site.AssertFile("en/topics/2022/index.html", """
            <h1>White Paper on Development Cooperation 2022</h1>
            <a href="/repo/en/topics/2022/page/2/" rel="next">Next page</a>
            <a href="/repo/en/topics/2022/" aria-current="page">1</a>
            ! rel="prev"
            ! /repo/en/topics/2022/c/
            """);
        var second = site.Read("en/topics/2022/page/2/index.html");
        AssertOrder(second, "/repo/en/topics/2022/c/", "/repo/ja/topics/2022/jaonly/");
        site.AssertFile("en/topics/2022/page/2/index.html", """
            <title>White Paper on Development Cooperation 2022 – Page 2 | White Paper Topics</title>
            <a href="/repo/en/topics/2022/" rel="prev">Previous page</a>
            ! rel="next"
            <a href="/repo/ja/topics/2022/page/2/" hreflang="ja" lang="ja">日本語</a>
            """);
        Assert.False(site.Exists("en/topics/2022/page/3/index.html"));
    }

    [Fact]
    public void A_list_exactly_one_page_long_has_no_pagination()
    {
        site.AssertFile("en/topics/2021/index.html", """
            /repo/en/topics/2021/old/
            ! class="pagination"
            """);
        Assert.False(site.Exists("en/topics/2021/page/2/index.html"));
    }

    [Fact]
    public void The_all_topics_index_groups_topics_by_edition_newest_first()
    {
        var all = site.Read("en/topics/index.html");
        AssertOrder(all, "<a href=\"/repo/en/topics/2022/\">White Paper on Development Cooperation 2022</a>", "/repo/en/topics/2022/a/", "/repo/en/topics/2022/b/");
        site.AssertFile("en/topics/page/3/index.html", """
            <a href="/repo/en/topics/2021/">White Paper on Development Cooperation 2021</a>
            /repo/en/topics/2021/old/
            """);
    }

    [Fact]
    public void A_topic_only_in_Japanese_is_listed_on_English_pages_with_a_marker_and_a_link_to_it()
    {
        site.AssertFile("en/topics/2022/page/2/index.html", """
            <a href="/repo/ja/topics/2022/jaonly/" hreflang="ja" lang="ja">日本語だけ</a>
            <p class="only-in">Only in Japanese</p>
            """);
        site.AssertFile("en/index.html", """
            <a href="/repo/ja/topics/2022/jaonly/" hreflang="ja" lang="ja">日本語だけ</a>
            """);
        site.AssertFile("ja/topics/2022/index.html", """
            <a href="/repo/ja/topics/2022/a/">アルファ</a>
            <a href="/repo/en/topics/2022/b/" hreflang="en" lang="en">Bravo</a>
            <p class="only-in">英語版のみ</p>
            ! /repo/en/topics/2022/a/
            """);
        site.AssertFile("ja/topics/2022/page/2/index.html", """
            <a href="/repo/en/topics/2022/c/" hreflang="en" lang="en">Charlie</a>
            <a href="/repo/ja/topics/2022/jaonly/">日本語だけ</a>
            """);
    }

    [Fact]
    public void Tag_pages_pair_across_languages_and_name_the_tag_in_each_language()
    {
        site.AssertFile("en/tags/water/index.html", """
            <h1>Topics tagged “Water”</h1>
            <a href="/repo/ja/tags/water/" hreflang="ja" lang="ja">日本語</a>
            <link rel="alternate" hreflang="ja" href="https://org.github.io/repo/ja/tags/water/">
            /repo/en/topics/2022/a/
            /repo/en/topics/2022/c/
            ! /repo/en/topics/2022/b/
            """);
        site.AssertFile("ja/tags/water/index.html", """
            <h1>タグ「水」のトピック</h1>
            <a href="/repo/en/tags/water/" hreflang="en" lang="en">English</a>
            """);
        site.AssertFile("en/tags/index.html", """
            <a href="/repo/en/tags/health/">Health</a> <span class="count">3 topics</span>
            ! Unused
            """);
        Assert.False(site.Exists("en/tags/unused/index.html"));
    }

    [Fact]
    public void Topics_link_to_their_neighbours_in_the_edition_and_stop_at_the_ends()
    {
        site.AssertFile("en/topics/2022/a/index.html", """
            <a href="/repo/en/topics/2022/b/" rel="next">
            ! rel="prev"
            """);
        site.AssertFile("en/topics/2022/c/index.html", """
            <a href="/repo/en/topics/2022/b/" rel="prev">
            ! rel="next"
            ! jaonly
            """);
        site.AssertFile("en/topics/2021/old/index.html", """
            ! class="topic-pager"
            """);
    }

    [Fact]
    public void Related_topics_share_tags_in_the_same_language_most_shared_first()
    {
        var related = Section(site.Read("en/topics/2022/a/index.html"), "class=\"related-topics\"");
        AssertOrder(related, "/repo/en/topics/2022/c/", "/repo/en/topics/2022/b/", "/repo/en/topics/2021/old/");
        var charlie = Section(site.Read("en/topics/2022/c/index.html"), "class=\"related-topics\"");
        TestSite.AssertText(charlie, """
            /repo/en/topics/2022/a/
            ! /repo/en/topics/2022/b/
            ! jaonly
            """, "related topics of c");
    }

    [Fact]
    public void Breadcrumbs_lead_from_the_home_page_through_the_lists()
    {
        site.AssertFile("en/topics/2022/b/index.html", """
            <nav class="breadcrumbs" aria-label="Breadcrumb">
            <li><a href="/repo/en/">Home</a></li>
            <li><a href="/repo/en/topics/">All topics</a></li>
            <li><a href="/repo/en/topics/2022/">White Paper on Development Cooperation 2022</a></li>
            <li><span aria-current="page">Bravo</span></li>
            ! <a href="/repo/en/topics/2022/b/" aria-current="page">
            """);
        site.AssertFile("ja/tags/health/index.html", """
            <li><a href="/repo/ja/tags/">タグ</a></li>
            <li><span aria-current="page">保健</span></li>
            """);
    }

    [Fact]
    public void The_home_page_reaches_editions_tags_and_all_topics()
    {
        site.AssertFile("ja/index.html", """
            <a href="/repo/ja/topics/2022/">2022年版開発協力白書</a>
            <a href="/repo/ja/topics/2021/">2021年版開発協力白書</a>
            <a href="/repo/ja/tags/water/">水</a>
            <a href="/repo/ja/topics/">すべてのトピック</a>
            <a href="/repo/ja/tags/">タグ</a>
            """);
    }

    [Fact]
    public void Every_internal_link_of_a_site_with_every_page_type_resolves()
    {
        site.AssertSucceeded();
        Assert.Empty(OutputLinkChecker.Check(site.Output, "/repo/"));
    }

    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {marker} in:\n{html}");
        return html[start..];
    }

    private static void AssertOrder(string html, params string[] needles)
    {
        var last = -1;
        foreach (var needle in needles)
        {
            var index = html.IndexOf(needle, last + 1, StringComparison.Ordinal);
            Assert.True(index > last, $"expected '{needle}' after the previous items in:\n{html}");
            last = index;
        }
    }
}
