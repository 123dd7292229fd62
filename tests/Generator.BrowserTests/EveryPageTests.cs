using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 5: every page of both built sites (found in the output, so new page types are
// covered as they appear) passes the browser gates. Failures name the page and the problem.
[Collection(SitesCollection.Name)]
public sealed class EveryPageTests(Sites sites)
{
    [Fact]
    public async Task Every_page_loads_without_console_errors_or_failed_requests()
    {
        var problems = await ForEachPageAsync(async (visit, name) => visit.Problems.Select(p => $"{name}: {p}").ToList());

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_page_has_no_WCAG_2_2_A_or_AA_violation()
    {
        var problems = await ForEachPageAsync((visit, name) => AccessibilityGate.CheckAsync(visit.Page, name));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(375, 812)]
    [InlineData(1280, 800)]
    public async Task Every_page_fits_the_width_without_horizontal_scrolling(int width, int height)
    {
        var problems = await ForEachPageAsync(async (visit, name) =>
        {
            var widths = await visit.Page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (widths[0], widths[1]);
            return scroll > client ? [$"{name}: at {width} px the page is {scroll} px wide and scrolls sideways"] : Array.Empty<string>();
        }, width, height);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<List<string>> ForEachPageAsync(Func<PageVisit, string, Task<IReadOnlyList<string>>> check, int width = 1280, int height = 800)
    {
        var problems = new List<string>();
        var checkedPages = 0;
        foreach (var (site, server) in new[] { (sites.Sample, sites.SampleServer), (sites.Fixture, sites.FixtureServer) })
        {
            foreach (var path in site.Pages())
            {
                var page = await sites.NewPageAsync(width, height);
                var visit = await PageVisit.OpenAsync(page, server.Url(path));
                problems.AddRange(await check(visit, $"{site.Name} {path}"));
                await page.Context.CloseAsync();
                checkedPages++;
            }
        }

        Assert.True(checkedPages >= 10, $"only {checkedPages} pages were found to check");
        return problems;
    }
}
