using Generator.Engine;

namespace Generator.Tests.Modules;

// Issue 6: the Content, Archives and Search pipelines each render layouts over the same
// topics; the catalog of their views is built once and made again only when a page's
// metadata changed (a preview edit).
public sealed class TopicCatalogSharingTests
{
    [Fact]
    public void The_pages_before_and_after_their_layouts_share_one_catalog_and_an_edited_page_gets_a_new_one()
    {
        // Given
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            ---
            Body
            -- input/ja/topics/2022/a.md --
            ---
            title: エー
            summary: S
            ---
            本文
            """);
        var views = new SiteBuild(site.Settings()).Views;
        var rendered = site.Result.Outputs["Content"];
        List<Document> beforeLayouts = [.. rendered.Select(d => d with { Content = "before" })];
        List<Document> edited = [.. rendered.Select(d => d.Source == "input/en/topics/2022/a.md" ? d.With("title_edited", true) : d)];

        // When
        var first = views.Catalog(rendered);
        var second = views.Catalog(beforeLayouts);
        var afterEdit = views.Catalog(edited);

        // Then
        Assert.Same(first, second);
        Assert.NotSame(first, afterEdit);
        Assert.Equal(first.Own("en").Select(v => v.Url), afterEdit.Own("en").Select(v => v.Url));
    }
}
