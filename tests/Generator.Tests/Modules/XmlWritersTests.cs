using Generator.Content;
using Generator.Engine;
using Generator.Modules;
using Generator.Site;

namespace Generator.Tests.Modules;

// Issue 13 (A.4): defence in depth. Readers report and remove unprintable characters, but
// should one ever reach the feed or sitemap writer, XmlWriter must not crash the build.
public sealed class XmlWritersTests
{
    [Fact]
    public async Task Feed_and_sitemap_leave_out_unprintable_characters_they_are_given()
    {
        // Given: a topic whose title, summary, URL and tag hold characters XML cannot hold
        var site = SiteConfig.Default with { Languages = [new Language("en", "English", "Topics\u000B")] };
        var topic = new Document { Destination = "en/topics/2022/a\u001B/index.html", Source = "input/en/topics/2022/a.md" }.With([
            new(Keys.Kind, PageKind.Topic),
            new(Keys.Lang, "en"),
            new(Keys.Url, "/en/topics/2022/a\u001B/"),
            new(Keys.FrontMatter, new FrontMatter { Title = "Water and\u000BSanitation", Summary = "\uFFFE", Date = new DateOnly(2022, 1, 1), Tags = ["t\u0001"] }),
        ]);

        // When
        var result = await new Engine.Engine([
            new Pipeline("Data") { Process = { new Seed(SiteData.Documents(site, Taxonomy.Empty, new Theme.Theme(new Dictionary<string, Theme.Layout>(), new Dictionary<string, Theme.Strings>(), new Fluid.TemplateOptions()))) } },
            new Pipeline("Content") { Process = { new Seed([topic]) } },
            new Pipeline("Feeds") { Dependencies = { "Data", "Content" }, Process = { new CreateFeeds() } },
            new Pipeline("Sitemap") { Dependencies = { "Data", "Content" }, Process = { new CreateSitemap(["Content"]) } },
        ]).RunAsync(new EngineOptions());

        // Then
        Assert.Empty(result.Bugs);
        var feed = result.Outputs["Feeds"].Single(d => d.Destination == "en/feed.xml").Content!;
        Assert.Contains("<title>Water andSanitation</title>", feed, StringComparison.Ordinal);
        Assert.False(Unprintable.Contains(feed));
        var sitemap = result.Outputs["Sitemap"].Single(d => d.Destination == "sitemap.xml").Content!;
        Assert.Contains("<loc>https://example.org/en/topics/2022/a%1B/</loc>", sitemap, StringComparison.Ordinal); // encoded, not dropped
    }

    private sealed class Seed(IReadOnlyList<Document> documents) : IModule
    {
        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
            Task.FromResult(documents);
    }
}
