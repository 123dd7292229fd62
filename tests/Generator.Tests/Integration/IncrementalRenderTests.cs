using Generator.Theme;

namespace Generator.Tests.Integration;

// Issue 4: preview's rebuild renders only the pages an edit affects: the page, its
// translation, and the lists that show it, not every other topic.
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
        using var site = TestSite.Create(Site);
        var memo = new RenderMemo();
        var settings = site.Settings(write: false) with { RenderMemo = memo };
        site.Rebuild(settings);
        var pages = site.Result.Outputs.Values.SelectMany(d => d).Count(d => d.Destination.EndsWith(".html", StringComparison.Ordinal));
        Assert.Equal(pages, memo.TakeRendered().Count); // the first build renders every page

        site.Edit("""
            -- input/en/topics/2022/a.md --
            ---
            title: A, renamed
            summary: S
            date: 2022-01-01
            ---
            Text of A.
            """).Rebuild(settings);

        // The topic and its translation (whose switcher shows the title), b (its "previous"
        // link names A), the homes and the all-topics and edition lists of both languages;
        // c, the tag lists and the 404 page stay as they were.
        Assert.Equal(
            [
                "en/index.html", "en/topics/2022/a/index.html", "en/topics/2022/b/index.html", "en/topics/2022/index.html", "en/topics/index.html",
                "ja/index.html", "ja/topics/2022/a/index.html", "ja/topics/2022/index.html", "ja/topics/index.html",
            ],
            memo.TakeRendered());
        Assert.Contains("A, renamed", site.Result.Outputs[nameof(Pipelines.Archives)].Concat(site.Result.Outputs[nameof(Pipelines.Content)])
            .Single(d => d.Destination == "en/index.html").Content);
    }

    [Fact]
    public void Editing_only_a_topic_body_leaves_the_lists_alone_and_a_layout_edit_renders_its_pages()
    {
        using var site = TestSite.Create(Site);
        var memo = new RenderMemo();
        var settings = site.Settings(write: false) with { RenderMemo = memo };
        site.Rebuild(settings);
        memo.TakeRendered();

        site.Edit("""
            -- input/en/topics/2022/b.md --
            ---
            title: B
            summary: S
            date: 2022-01-02
            ---
            New text of B.
            """).Rebuild(settings);
        Assert.Equal(["en/topics/2022/b/index.html"], memo.TakeRendered());

        File.AppendAllText(Path.Combine(site.Root, "theme/layouts/topic.liquid"), "<!-- topic layout edited -->\n");
        site.Rebuild(settings);
        Assert.Equal(
            ["en/topics/2022/a/index.html", "en/topics/2022/b/index.html", "en/topics/2022/c/index.html", "ja/topics/2022/a/index.html", "ja/topics/2022/b/index.html"],
            memo.TakeRendered());
        site.AssertSucceeded();
    }

    [Fact]
    public void A_remembered_page_still_reports_its_problems_on_every_rebuild()
    {
        using var site = TestSite.Create(Site + """

            -- input/en/topics/2022/d.md --
            ---
            title: D
            summary: S
            date: 2022-01-04
            ---
            ![](/assets/none.jpg)
            """);
        var settings = site.Settings(write: false) with { RenderMemo = new RenderMemo() };

        site.Rebuild(settings);
        site.AssertDiagnostic("input/en/topics/2022/d.md(6,1): error GEN016");
        site.Edit("""
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            ---
            Other text.
            """).Rebuild(settings);

        site.AssertDiagnostic("input/en/topics/2022/d.md(6,1): error GEN016");
        site.AssertDiagnostic("input/en/topics/2022/d.md(6,1): error GEN021");
    }
}
