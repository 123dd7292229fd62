using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Generator.BrowserTests;

// Issue 7: golden queries in Chromium against the Pagefind index that `build` made of the
// search fixture (32 topics per language, served under a project path).
[Collection(SitesCollection.Name)]
public sealed class SearchTests(Sites sites, ITestOutputHelper output)
{
    [Theory]
    [InlineData("en", "UNDP", SearchSite.HumanSecurity)] // a word
    [InlineData("en", "human security", SearchSite.HumanSecurity)] // a phrase
    [InlineData("en", "grant aid", SearchSite.SchoolGrants)]
    [InlineData("en", "protecting", SearchSite.HumanSecurity)] // stemmed: the topic says "protection"
    [InlineData("ja", "人間の安全保障", SearchSite.HumanSecurity)]
    [InlineData("ja", "無償資金協力", SearchSite.SchoolGrants)]
    [InlineData("ja", "技術協力", SearchSite.TechnicalCooperation)]
    [InlineData("ja", "円借款", SearchSite.YenLoans)]
    [InlineData("ja", "開発協力大綱", SearchSite.Charter)]
    public async Task A_golden_query_returns_its_topic_first(string lang, string query, string slug)
    {
        var (page, results) = await SearchAsync(lang, query);

        Assert.True(results.Count > 0 && results[0] == TopicHref(lang, slug),
            $"'{query}' on /{lang}/search/ should find {TopicHref(lang, slug)} first; found:\n{string.Join("\n", results)}");
        Assert.True(await page.Locator(".search-result").First.Locator("mark").CountAsync() > 0,
            $"'{query}': the first result's excerpt highlights no word");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "人間の安全保障")]
    [InlineData("en", "円借款")]
    [InlineData("ja", "protection")]
    [InlineData("ja", "grant aid")]
    public async Task A_query_in_the_other_language_finds_nothing_on_a_search_page(string lang, string query)
    {
        var (page, results) = await SearchAsync(lang, query);

        Assert.True(results.Count == 0, $"'{query}' on /{lang}/search/ found:\n{string.Join("\n", results)}");
        Assert.Contains(query, await page.Locator(".search-status").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task A_word_both_languages_use_finds_only_topics_of_the_page_language(string lang)
    {
        var (page, results) = await SearchAsync(lang, "UNDP");

        Assert.NotEmpty(results);
        Assert.All(results, href => Assert.StartsWith($"{sites.Search.BasePath}{lang}/topics/", href, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "JOCV")]
    [InlineData("ja", "国際協力機構")]
    public async Task Search_terms_find_their_topic_but_are_not_shown_on_it(string lang, string term)
    {
        var (page, results) = await SearchAsync(lang, term);

        Assert.True(results.Count > 0 && results[0] == TopicHref(lang, SearchSite.Volunteers),
            $"'{term}' should find {TopicHref(lang, SearchSite.Volunteers)} first; found:\n{string.Join("\n", results)}");
        await page.GotoAsync(sites.SearchServer.Url($"/{lang}/topics/{SearchSite.Volunteers}/").ToString());
        Assert.DoesNotContain(term, await page.InnerTextAsync("body"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_edition_filter_and_a_tag_filter_narrow_the_results()
    {
        var (page, all) = await SearchAsync("en", "water");
        Assert.True(all.Count >= 3, $"'water' should find a topic in each edition; found:\n{string.Join("\n", all)}");

        var status = await page.Locator(".search-status").TextContentAsync() ?? "";
        await page.GetByLabel("White Paper on Development Cooperation 2022").CheckAsync();
        var byEdition = await ResultsAfterAsync(page, status);

        Assert.InRange(byEdition.Count, 1, all.Count - 1);
        Assert.All(await page.Locator(".search-result .topic-edition").AllTextContentsAsync(), edition => Assert.Equal("White Paper on Development Cooperation 2022", edition));
        // Issue 15: each result shows its date beside the edition.
        Assert.Equal(await page.Locator(".search-result").CountAsync(), await page.Locator(".search-result .topic-date").CountAsync());
        Assert.All(await page.Locator(".search-result .topic-date").AllTextContentsAsync(), date => Assert.Matches(@"^\d{1,2} \w+ 20\d\d$", date));

        status = await page.Locator(".search-status").TextContentAsync() ?? "";
        await page.GetByLabel("White Paper on Development Cooperation 2022").UncheckAsync();
        await page.GetByLabel("Health", new() { Exact = true }).CheckAsync();
        var byTag = await ResultsAfterAsync(page, status);
        Assert.DoesNotContain(TopicHref("en", SearchSite.TechnicalCooperation), byTag);
        Assert.True(byTag.Count < all.Count, $"the tag filter did not narrow the results:\n{string.Join("\n", byTag)}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "Health", @"^\d+ topics? match(es)? the chosen filters\.$")]
    [InlineData("ja", "保健", @"^選んだ条件に一致するトピック：\d+件$")]
    public async Task A_search_by_filters_alone_says_it_matched_the_filters(string lang, string tag, string said)
    {
        var page = await sites.NewPageAsync();
        await page.GotoAsync(sites.SearchServer.Url($"/{lang}/search/").ToString());

        await page.GetByLabel(tag, new() { Exact = true }).CheckAsync();
        var results = await ResultsAfterAsync(page, "");

        Assert.NotEmpty(results);
        Assert.Matches(said, await page.Locator(".search-status").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_header_box_searches_by_keyboard_and_the_count_is_announced()
    {
        var page = await sites.NewPageAsync();
        await page.GotoAsync(sites.SearchServer.Url("/en/").ToString());

        await page.FocusAsync("#header-search-input");
        await page.Keyboard.TypeAsync("grant aid");
        await Task.WhenAll(
            page.WaitForURLAsync("**/en/search/?q=grant+aid"),
            page.Keyboard.PressAsync("Enter"));
        var status = page.Locator(".search-status");
        Assert.Equal("status", await status.GetAttributeAsync("role"));
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));
        await WaitForStatusAsync(page, "");
        Assert.Matches(@"^\d+ topics? found for “grant aid”\.$", await status.TextContentAsync());

        // Tab from the box reaches the first result, and Enter opens it.
        await page.FocusAsync("#search-input");
        for (var stops = 0; stops < 40 && await page.EvaluateAsync<string?>("() => document.activeElement.closest('.search-result') && 'result'") is null; stops++)
            await page.Keyboard.PressAsync("Tab");
        await Task.WhenAll(
            page.WaitForURLAsync(sites.SearchServer.Url($"/en/topics/{SearchSite.SchoolGrants}/").ToString()),
            page.Keyboard.PressAsync("Enter"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375, 812)]
    [InlineData(1280, 800)]
    public async Task The_search_page_with_results_and_filters_passes_the_accessibility_and_width_gates(int width, int height)
    {
        var (page, results) = await SearchAsync("ja", "協力", width, height);
        Assert.NotEmpty(results);
        Assert.True(await page.Locator(".search-options").IsVisibleAsync(), "the filters are not shown");

        var problems = await AccessibilityGate.CheckAsync(page, $"/ja/search/?q=協力 at {width} px");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1])
            problems = [.. problems, $"at {width} px the page is {widths[0]} px wide and scrolls sideways"];
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Kept for a human to look at, beside the topic screenshots.
        Directory.CreateDirectory(Sites.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Sites.Artifacts, $"search-ja-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_search_loads_only_the_page_languages_index_and_a_second_query_costs_little()
    {
        var page = await sites.NewPageAsync();
        var transferred = new ConcurrentBag<(string Url, Task<RequestSizesResult> Sizes)>();
        page.RequestFinished += (_, request) => transferred.Add((request.Url, request.SizesAsync()));
        var problems = new ConcurrentBag<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                problems.Add(message.Text);
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        await page.GotoAsync(sites.SearchServer.Url("/en/search/").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        var pageBytes = await BytesAsync(transferred);
        transferred.Clear();

        await page.FillAsync("#search-input", "water");
        await WaitForStatusAsync(page, "");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var first = await BytesAsync(transferred);
        var firstUrls = transferred.Select(t => t.Url).ToList();
        transferred.Clear();
        var status = await page.Locator(".search-status").TextContentAsync() ?? "";

        await page.FillAsync("#search-input", "grant aid");
        await WaitForStatusAsync(page, status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var second = await BytesAsync(transferred);

        output.WriteLine($"search page {pageBytes:N0} bytes; first query {first:N0} bytes ({firstUrls.Count} requests); second query {second:N0} bytes");
        Assert.Empty(problems);
        Assert.Contains(firstUrls, url => url.Contains("/pagefind/en/bundles.json", StringComparison.Ordinal));
        Assert.Equal(BundleCount, firstUrls.Count(url => url.Contains("/pagefind/en/", StringComparison.Ordinal) && url.Contains(".pf_meta", StringComparison.Ordinal)));
        Assert.DoesNotContain(firstUrls, url => url.Contains("/pagefind/ja/", StringComparison.Ordinal));
        // One script, worker and WebAssembly for all the bundles (Pagefind's mergeIndex).
        Assert.Single(firstUrls, url => url.EndsWith("/pagefind.js", StringComparison.Ordinal));
        Assert.Single(firstUrls, url => url.Contains("/wasm.", StringComparison.Ordinal));
        Assert.InRange(first, 1, 600_000);
        // The second query may need no new chunk at all (the first one's already hold it): 0 is cheap too.
        Assert.InRange(second, 0, first / 4);
        await page.Context.CloseAsync();
    }

    // Issue 18: the fixture's 32 topics per language are indexed in bundles of 10.
    private const int BundleCount = 4;

    [Theory]
    [InlineData("en", "Japan supports")]
    [InlineData("ja", "支援")]
    public async Task Newest_first_lists_every_bundles_results_in_date_order(string lang, string query)
    {
        Assert.Equal(
            string.Join(",", Enumerable.Range(1, BundleCount).Select(n => $"\"{n}/\"")),
            File.ReadAllText(Path.Combine(sites.Search.Output, "pagefind", lang, "bundles.json")).Trim('[', ']'));
        var (page, _) = await SearchAsync(lang, query);
        var byRelevance = await AllResultsAsync(page);

        // The change event starts the search at once: the status says so until it has answered.
        await page.SelectOptionAsync("#search-sort", "date");
        await WaitForStatusAsync(page, "");
        var byDate = await AllResultsAsync(page);

        // The same topics, each once, from more than one bundle.
        Assert.True(byRelevance.Count > 10, $"'{query}' should find topics in several bundles; found {byRelevance.Count}");
        Assert.Equal(byRelevance.Order(StringComparer.Ordinal), byDate.Order(StringComparer.Ordinal));
        Assert.Equal(byDate.Count, byDate.Distinct(StringComparer.Ordinal).Count());
        var published = byDate.Select(href => PublishedDate(lang, href)).ToList();
        Assert.True(published.SequenceEqual(published.OrderByDescending(d => d)),
            $"newest first is out of date order:\n{string.Join("\n", byDate.Zip(published, (href, date) => $"{date:yyyy-MM-dd} {href}"))}");
        await page.Context.CloseAsync();
    }

    // Pagefind answers a word its index lacks with its longest prefix the index has: the bundles
    // without "partnership" (or 地域5) would add every topic with "partners" (地域).
    // (Pagefind segments 地域5 into 地域 and 5, which a topic of the same bundle also has.)
    [Theory]
    [InlineData("en", "partnership", 1)]
    [InlineData("en", "partnership health", 1)]
    [InlineData("ja", "地域5", 2)]
    public async Task A_word_one_bundle_has_finds_only_its_topics_not_near_matches_from_the_others(string lang, string query, int found)
    {
        var (page, results) = await SearchAsync(lang, query);

        Assert.True(results.Count == found && results.Contains(TopicHref(lang, SearchSite.Volunteers)),
            $"'{query}' on /{lang}/search/ should find {TopicHref(lang, SearchSite.Volunteers)} among {found}; found:\n{string.Join("\n", results)}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_search_that_could_not_load_says_so_and_the_next_query_loads_again()
    {
        var page = await sites.NewPageAsync();
        var refused = 0;
        await page.RouteAsync("**/pagefind/en/1/pagefind-entry.json*", async route =>
        {
            if (Interlocked.Increment(ref refused) == 1)
                await route.AbortAsync();
            else
                await route.ContinueAsync();
        });
        await page.GotoAsync(sites.SearchServer.Url("/en/search/").ToString());
        var failed = await page.Locator("form.search-form").GetAttributeAsync("data-failed");

        await page.FillAsync("#search-input", "Japan supports");
        await page.WaitForFunctionAsync("failed => document.querySelector('.search-status').textContent === failed", failed, new() { Timeout = 60_000 });
        await page.FillAsync("#search-input", "grant aid");
        var results = await ResultsAfterAsync(page, failed!);

        Assert.Equal(TopicHref("en", SearchSite.SchoolGrants), results.FirstOrDefault());
        Assert.True(refused >= 2, "the second query did not load the index again");
        await page.Context.CloseAsync();
    }

    /// Every result of the search shown, after "More results" until there are no more.
    private static async Task<List<string>> AllResultsAsync(IPage page)
    {
        for (var more = page.Locator(".search-more"); await more.IsVisibleAsync();)
        {
            var shown = await page.Locator(".search-result").CountAsync();
            await more.ClickAsync();
            await page.WaitForFunctionAsync("shown => document.querySelectorAll('.search-result').length > shown", shown);
        }

        return [.. await page.Locator(".search-result h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")];
    }

    /// A topic's date as its built page gives it to the index (data-pagefind-sort).
    private DateOnly PublishedDate(string lang, string href)
    {
        var html = File.ReadAllText(Path.Combine(sites.Search.Output, href[sites.Search.BasePath.Length..].TrimStart('/'), "index.html"));
        var at = html.IndexOf("data-pagefind-sort=\"date:", StringComparison.Ordinal) + "data-pagefind-sort=\"date:".Length;
        return DateOnly.ParseExact(html[at..(at + 10)], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private string TopicHref(string lang, string slug) => $"{sites.Search.BasePath}{lang}/topics/{slug}/";

    /// Opens the language's search page with ?q= (as the header box does) and returns the result links.
    private async Task<(IPage Page, List<string> Results)> SearchAsync(string lang, string query, int width = 1280, int height = 800)
    {
        var page = await sites.NewPageAsync(width, height);
        var url = sites.SearchServer.Url($"/{lang}/search/?q={Uri.EscapeDataString(query)}");
        var visit = await PageVisit.OpenAsync(page, url);
        Assert.True(visit.Problems.Count == 0, $"{url}:\n{string.Join("\n", visit.Problems)}");
        return (page, await ResultsAfterAsync(page, ""));
    }

    private static async Task<List<string>> ResultsAfterAsync(IPage page, string previousStatus)
    {
        await WaitForStatusAsync(page, previousStatus);
        return [.. await page.Locator(".search-result h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")];
    }

    /// Waits until the status line holds a search's outcome other than <paramref name="previous"/>.
    private static Task WaitForStatusAsync(IPage page, string previous) =>
        page.WaitForFunctionAsync(
            """
            previous => {
              const status = document.querySelector('.search-status').textContent;
              const form = document.querySelector('form.search-form');
              return status !== '' && status !== form.dataset.searching && status !== previous;
            }
            """,
            previous,
            new() { Timeout = 15_000 });

    private static async Task<long> BytesAsync(IEnumerable<(string Url, Task<RequestSizesResult> Sizes)> requests)
    {
        long total = 0;
        foreach (var (_, sizes) in requests)
        {
            var size = await sizes;
            total += size.ResponseBodySize + size.ResponseHeadersSize;
        }

        return total;
    }
}
