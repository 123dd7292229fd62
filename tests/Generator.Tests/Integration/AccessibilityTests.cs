using AngleSharp.Html.Parser;

namespace Generator.Tests.Integration;

// Issue 3: the structure screen readers rely on, on every page of a site with every page type.
public sealed class AccessibilityTests(ListSite fixture) : IClassFixture<ListSite>
{
    private readonly TestSite site = fixture.Site;

    [Fact]
    public void Every_page_has_one_h1_no_skipped_heading_level_and_its_landmarks()
    {
        var parser = new HtmlParser();
        var pages = site.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 20, string.Join("\n", pages));
        foreach (var page in pages)
        {
            var document = parser.ParseDocument(site.Read(page));
            Assert.True(document.QuerySelectorAll("h1").Length == 1, $"{page} must have exactly one h1");
            Assert.True(document.QuerySelectorAll("main").Length == 1, $"{page} must have one main landmark");
            Assert.False(string.IsNullOrEmpty(document.DocumentElement.GetAttribute("lang")), $"{page} has no lang");
            var previous = 1;
            foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
            {
                var level = heading.LocalName[1] - '0';
                Assert.True(level <= previous + 1, $"{page}: <{heading.LocalName}> \"{heading.TextContent}\" follows h{previous}");
                previous = level;
            }

            if (page is "index.html" or "404.html")
                continue;
            Assert.NotNull(document.QuerySelector("a.skip-link[href='#main']"));
            Assert.NotNull(document.QuerySelector("header.site-header"));
            Assert.NotNull(document.QuerySelector("footer.site-footer"));
            foreach (var link in document.QuerySelectorAll(".language-switcher a"))
            {
                Assert.Equal(link.GetAttribute("hreflang"), link.GetAttribute("lang"));
                Assert.False(string.IsNullOrEmpty(link.GetAttribute("lang")), $"{page}: switcher link without lang");
            }
        }
    }

    [Fact]
    public void A_body_heading_at_level_one_or_a_skipped_level_is_reported()
    {
        using var build = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/index.md --
            ---
            title: Home
            ---
            -- input/en/a.md --
            ---
            title: A
            ---
            # Again the title

            ## Section

            #### Too deep
            """);

        build.AssertDiagnostic("input/en/a.md(4,1): warning GEN050: the page title is already the page's heading; start sections at level 2: '## Again the title'");
        build.AssertDiagnostic("input/en/a.md(8,1): warning GEN051: heading level 4 follows level 2; write '### Too deep' so no level is skipped");
    }
}
