using Generator.Validation;

namespace Generator.BrowserTests;

// Issue 5: the built HTML passes the Nu Html Checker, and every internal link, image,
// stylesheet, script and fragment resolves (the project's own OutputLinkChecker).
[Collection(SitesCollection.Name)]
public sealed class OutputGateTests(Sites sites)
{
    [Fact]
    public async Task Every_HTML_file_of_both_built_sites_passes_the_Nu_Html_Checker()
    {
        var errors = new List<string>();
        foreach (var site in new[] { sites.Sample, sites.Fixture })
        {
            var files = site.Pages().Select(site.FileOf).ToList();
            Assert.NotEmpty(files);
            errors.AddRange((await HtmlValidator.ValidateAsync(site.Output, files)).Select(e => $"{site.Name} {e}"));
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Every_internal_link_of_both_built_sites_resolves()
    {
        var broken = new[] { sites.Sample, sites.Fixture }
            .SelectMany(site => OutputLinkChecker.Check(site.Output, site.BasePath).Select(b => $"{site.Name} {b}"))
            .ToList();

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public async Task The_accessibility_gate_names_the_page_and_the_problem()
    {
        var page = await sites.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>
            """);

        var problems = await AccessibilityGate.CheckAsync(page, "en/broken/");

        Assert.Contains(problems, p => p.StartsWith("en/broken/: image-alt ", StringComparison.Ordinal) && p.Contains("<img", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
