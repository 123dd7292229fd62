namespace Generator.Tests.Integration;

// Issue 4, issue 14: a session's rebuild lays out only the pages an edit affects (the page,
// its translation, the lists that show it), and every running build equals a fresh one.
public sealed class IncrementalRenderTests
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
        Text of A.
        -- input/ja/topics/2022/a.md --
        ---
        title: エー
        summary: エス
        ---
        -- input/en/topics/2022/b.md --
        ---
        title: B
        summary: S
        date: 2022-01-02
        ---
        -- input/ja/topics/2022/b.md --
        ---
        title: ビー
        summary: エス
        ---
        -- input/en/topics/2022/c.md --
        ---
        title: C
        summary: S
        date: 2022-01-03
        ---
        """;

    [Fact]
    public void Editing_a_topic_title_renders_the_topic_its_translation_and_the_lists_that_show_them_only()
    {
        using var site = TestSite.Running(Site);
        var pages = site.Result.Outputs.Values.SelectMany(d => d).Count(d => d.Destination.EndsWith(".html", StringComparison.Ordinal));
        Assert.Equal(pages, site.Rendered.Count); // the first build renders every page

        site.Edit("input/en/topics/2022/a.md", "title: A", "title: A, renamed").Build();

        // The topic and its translation (whose switcher shows the title), b (its "previous"
        // link names A), the homes and the all-topics and edition lists of both languages;
        // c, the tag lists and the 404 page stay as they were.
        site.AssertRendered(
            "en/index.html", "en/topics/2022/a/index.html", "en/topics/2022/b/index.html", "en/topics/2022/index.html", "en/topics/index.html",
            "ja/index.html", "ja/topics/2022/a/index.html", "ja/topics/2022/index.html", "ja/topics/index.html");
        site.AssertPage("en/index.html", "A, renamed");
    }

    [Fact]
    public void Editing_only_a_topic_body_leaves_the_lists_alone_and_a_layout_edit_renders_its_pages()
    {
        using var site = TestSite.Running(Site);

        site.Write("input/en/topics/2022/b.md", """
            ---
            title: B
            summary: S
            date: 2022-01-02
            ---
            New text of B.
            """).Build().AssertRendered("en/topics/2022/b/index.html");

        site.Edit("theme/layouts/topic.liquid", "</article>", "<!-- topic layout edited --></article>").Build();
        Assert.Contains("en/topics/2022/c/index.html", site.Rendered);
        site.AssertPage("ja/topics/2022/b/index.html", "topic layout edited");
    }

    [Fact]
    public void A_remembered_page_still_reports_its_problems_on_every_rebuild()
    {
        using var site = TestSite.Running(Site + """

            -- input/en/topics/2022/d.md --
            ---
            title: D
            summary: S
            date: 2022-01-04
            ---
            ![](/assets/none.jpg)
            """);
        Assert.Contains(site.Result.Diagnostics, d => d.ToString().StartsWith("input/en/topics/2022/d.md(6,1): error GEN016", StringComparison.Ordinal));

        site.Edit("input/en/topics/2022/a.md", "Text of A.", "Other text.").Build();

        Assert.Contains(site.Result.Diagnostics, d => d.ToString().StartsWith("input/en/topics/2022/d.md(6,1): error GEN016", StringComparison.Ordinal));
        Assert.Contains(site.Result.Diagnostics, d => d.ToString().StartsWith("input/en/topics/2022/d.md(6,1): error GEN021", StringComparison.Ordinal));
    }
}
