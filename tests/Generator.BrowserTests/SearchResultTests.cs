using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 15: what a reader sees of a search, on the golden-query fixture (SearchSite): an excerpt
// quoted from the summary and the body only, in the page's language's punctuation, with the
// date and edition; a results page that does not move as the results arrive; and, without
// JavaScript, a search page that says the search did not run and where to look instead.
[Collection(SitesCollection.Name)]
public sealed class SearchResultTests(Sites sites)
{
    [Theory]
    [InlineData("en", "UNDP", "Japan works with UNDP for people's protection and empowerment.",
        "Human security puts each individual at the centre, through protection and empowerment. Japan funds the United Nations Trust Fund for Human Security, which UNDP and other agencies draw on.")]
    [InlineData("ja", "人間の安全保障", "日本は国連開発計画（UNDP）と協力し、人間の安全保障を推進している。",
        "人間の安全保障は、一人ひとりの保護と能力強化を重視する考え方である。日本は国連の人間の安全保障基金に拠出し、UNDPなどの機関がこれを活用している。")]
    public async Task An_excerpt_quotes_the_summary_and_body_with_the_matches_marked(string lang, string query, string summary, string body)
    {
        var page = await SearchAsync(lang, query);
        var first = page.Locator(".search-result").First;

        Assert.Equal($"{sites.Search.BasePath}{lang}/topics/{SearchSite.HumanSecurity}/", await first.Locator("h2 a").GetAttributeAsync("href"));
        var excerpt = await first.Locator(".search-excerpt").TextContentAsync() ?? "";
        var quoted = excerpt.Trim('…', ' ');
        var gap = lang == "ja" ? "" : " ";
        Assert.True((summary + gap + body).Contains(quoted, StringComparison.Ordinal),
            $"'{query}': the excerpt is not a passage of the summary and body:\n{excerpt}");
        Assert.True(await first.Locator(".search-excerpt mark").CountAsync() > 0, $"'{query}': no match is marked in\n{excerpt}");
        if (lang == "ja")
            Assert.DoesNotContain(".", excerpt, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await first.Locator(".topic-date").TextContentAsync()), "the result has no date");
        Assert.False(string.IsNullOrWhiteSpace(await first.Locator(".topic-edition").TextContentAsync()), "the result has no edition");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "Promoting", "Promoting")] // only in the title "Promoting Human Security"
    [InlineData("ja", "トピックス", "トピックス")] // only in the series label "ODAトピックス2"
    public async Task A_topic_found_by_its_title_or_series_shows_its_summary_not_its_header(string lang, string query, string notQuoted)
    {
        var page = await SearchAsync(lang, query);

        var excerpts = await page.Locator(".search-result .search-excerpt").AllTextContentsAsync();
        Assert.NotEmpty(excerpts);
        Assert.All(excerpts, excerpt => Assert.DoesNotContain(notQuoted, excerpt, StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator(".search-result .search-excerpt mark").CountAsync());
        // Nothing matched in the quoted text, so each excerpt starts where the summary does.
        Assert.All(excerpts, excerpt => Assert.False(excerpt.StartsWith('…'), $"'{query}': the excerpt does not start with the summary:\n{excerpt}"));
        if (lang == "en")
            Assert.StartsWith("Japan works with UNDP", excerpts[0], StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "water", 1280, 800)]
    [InlineData("ja", "協力", 1280, 800)]
    [InlineData("en", "water", 375, 812)]
    [InlineData("ja", "協力", 375, 812)]
    public async Task A_search_with_a_query_shifts_nothing_on_the_page(string lang, string query, int width, int height)
    {
        var page = await sites.NewPageAsync(width, height);
        // Every layout shift from the first frame on, as Lighthouse counts them (not those right after input).
        await page.AddInitScriptAsync("""
            window.__shifts = [];
            new PerformanceObserver(list => {
              for (const entry of list.getEntries()) {
                if (!entry.hadRecentInput) {
                  window.__shifts.push({ value: entry.value, nodes: entry.sources.map(s => s.node ? (s.node.className || s.node.nodeName) : '?') });
                }
              }
            }).observe({ type: 'layout-shift', buffered: true });
            """);
        await page.GotoAsync(sites.SearchServer.Url($"/{lang}/search/?q={Uri.EscapeDataString(query)}").ToString());
        await WaitForResultsAsync(page);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");

        var shifts = await page.EvaluateAsync<Shift[]>("() => window.__shifts");
        Assert.True(await page.Locator(".search-result").CountAsync() > 0, "no results");
        Assert.True(shifts.Length == 0,
            $"/{lang}/search/?q={query} at {width} px shifted by {shifts.Sum(s => s.Value):0.####}: {string.Join("; ", shifts.Select(s => $"{s.Value:0.####} ({string.Join(", ", s.Nodes)})"))}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ja", "円借款", "JavaScript", "すべてのトピック")]
    [InlineData("en", "grant aid", "JavaScript", "All topics")]
    public async Task Without_JavaScript_the_header_box_leads_to_a_search_page_that_says_the_search_did_not_run(string lang, string query, string says, string allTopics)
    {
        var page = await sites.NewPageAsync(javaScript: false);
        await page.GotoAsync(sites.SearchServer.Url($"/{lang}/").ToString());

        await page.FillAsync("#header-search-input", query);
        await Task.WhenAll(page.WaitForURLAsync($"**/{lang}/search/?q=*"), page.PressAsync("#header-search-input", "Enter"));

        Assert.Equal(query, new Uri(page.Url).Query.TrimStart('?').Split('&').Select(p => p.Split('=')).Where(p => p[0] == "q").Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' '))).Single());
        var notice = page.Locator(".search-no-script");
        Assert.True(await notice.IsVisibleAsync(), "without JavaScript the search page does not say that the search did not run");
        Assert.Contains(says, await notice.TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.False(await page.Locator(".search-form").IsVisibleAsync(), "without JavaScript the search page still offers a form that cannot search");
        Assert.True(await notice.Locator($"a[href='{sites.SearchServer.Url($"/{lang}/tags/").AbsolutePath}']").IsVisibleAsync(), "no link to the tags");
        Assert.True(await notice.Locator($"a[href='{sites.SearchServer.Url($"/{lang}/topics/2023/").AbsolutePath}']").IsVisibleAsync(), "no link to an edition's topics");

        await Task.WhenAll(page.WaitForURLAsync($"**/{lang}/topics/"), notice.GetByText(allTopics, new() { Exact = true }).ClickAsync());
        Assert.Equal(allTopics, await page.TextContentAsync("h1"), StringComparer.OrdinalIgnoreCase);
        await page.Context.CloseAsync();
    }

    public sealed record Shift(double Value, string[] Nodes);

    private async Task<IPage> SearchAsync(string lang, string query)
    {
        var page = await sites.NewPageAsync();
        var url = sites.SearchServer.Url($"/{lang}/search/?q={Uri.EscapeDataString(query)}");
        var visit = await PageVisit.OpenAsync(page, url);
        Assert.True(visit.Problems.Count == 0, $"{url}:\n{string.Join("\n", visit.Problems)}");
        await WaitForResultsAsync(page);
        return page;
    }

    private static Task WaitForResultsAsync(IPage page) =>
        page.WaitForFunctionAsync(
            """
            () => {
              const status = document.querySelector('.search-status').textContent;
              return status !== '' && status !== document.querySelector('form.search-form').dataset.searching;
            }
            """,
            null,
            new() { Timeout = 15_000 });
}
