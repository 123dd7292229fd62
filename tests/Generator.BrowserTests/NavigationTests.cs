using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 5: the page types a reader meets, in a real browser (Debian's Chromium).
[Collection(SitesCollection.Name)]
public sealed class NavigationTests(Sites sites)
{
    [Theory]
    [InlineData("en", "White Paper Topics")]
    [InlineData("ja", "白書トピックス")]
    public async Task The_home_page_of_each_language_lists_the_sample_topic(string lang, string title)
    {
        var visit = await OpenAsync(sites.SampleServer.Url($"/{lang}/"));

        Assert.Equal(lang, await visit.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal(title, await visit.Page.TextContentAsync("h1"));
        Assert.Equal(1, await visit.Page.Locator($".topic-list a[href='/{lang}/topics/2022/human-security/']").CountAsync());
    }

    [Theory]
    [InlineData("en", "Promoting Efforts toward the Realization of Human Security", "Photo 1")]
    [InlineData("ja", "人間の安全保障の実現に向けた取組の推進", "写真1")]
    public async Task A_topic_page_shows_its_title_and_numbered_photos_in_its_language(string lang, string title, string label)
    {
        var visit = await OpenAsync(sites.SampleServer.Url($"/{lang}/topics/2022/human-security/"));

        Assert.Equal(title, await visit.Page.TextContentAsync("h1"));
        Assert.Equal(label, await visit.Page.Locator(".figure-label").First.TextContentAsync());
    }

    // The sample's photos are placeholders (issue 15), so a photo that exists is loaded on the fixture's topic.
    [Theory]
    [InlineData("en", "Photo 1")]
    [InlineData("ja", "写真1")]
    public async Task A_topic_photo_that_exists_is_loaded(string lang, string label)
    {
        var visit = await OpenAsync(sites.FixtureServer.Url($"/{lang}/topics/2021/clean-water/"));

        Assert.Equal(label, await visit.Page.Locator("#photo-1 .figure-label").TextContentAsync());
        Assert.True(await visit.Page.Locator("#photo-1 img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"),
            $"{lang} topic: the first photo did not load");
    }

    [Theory]
    [InlineData("en", "ja", "人間の安全保障の実現に向けた取組の推進")]
    [InlineData("ja", "en", "Promoting Efforts toward the Realization of Human Security")]
    public async Task Switching_language_from_a_topic_lands_on_its_translation(string from, string to, string title)
    {
        var visit = await OpenAsync(sites.SampleServer.Url($"/{from}/topics/2022/human-security/"));

        // Wait for the navigation from before the click, so a fast navigation cannot be missed.
        await Task.WhenAll(
            visit.Page.WaitForURLAsync(sites.SampleServer.Url($"/{to}/topics/2022/human-security/").ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            visit.Page.Locator($".language-switcher a[hreflang='{to}']").ClickAsync());

        Assert.Equal(to, await visit.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal(title, await visit.Page.TextContentAsync("h1"));
    }

    [Fact]
    public async Task The_root_chooser_lists_both_languages_when_the_browser_prefers_neither()
    {
        var visit = await OpenAsync(sites.SampleServer.Url("/"));

        Assert.Equal(sites.SampleServer.Url("/").ToString(), visit.Page.Url);
        Assert.Equal(["English", "日本語"], await visit.Page.Locator(".chooser-languages a").AllTextContentsAsync());
    }

    [Theory]
    [InlineData("ja-JP", "ja")]
    [InlineData("en-GB", "en")]
    public async Task The_root_chooser_follows_the_browser_language(string locale, string lang)
    {
        var page = await sites.NewPageAsync(locale: locale);

        await page.GotoAsync(sites.SampleServer.Url("/").ToString());
        await page.WaitForURLAsync(sites.SampleServer.Url($"/{lang}/").ToString());

        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_page_without_translation_says_so_and_links_to_the_other_home()
    {
        var visit = await OpenAsync(sites.FixtureServer.Url("/en/topics/2022/village-health/"));

        var notice = visit.Page.Locator(".translation-missing");
        Assert.True(await notice.IsVisibleAsync(), "the missing-translation notice is not visible");
        await Task.WhenAll(
            visit.Page.WaitForURLAsync(sites.FixtureServer.Url("/ja/").ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            visit.Page.Locator(".language-switcher a[hreflang='ja']").ClickAsync());
        Assert.Equal("ja", await visit.Page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task A_missing_address_answers_404_with_the_sites_404_page_when_it_has_one()
    {
        var page = await sites.NewPageAsync();
        var missing = sites.FixtureServer.Url("/en/no-such-page/");

        var response = await page.APIRequest.GetAsync(missing.ToString());

        Assert.Equal(404, response.Status);
        var notFound = Path.Combine(sites.Fixture.Output, "404.html");
        if (File.Exists(notFound))
        {
            // The site's own 404 page (issue 3) is what the reader sees, styled and without errors.
            var visit = await PageVisit.OpenAsync(page, missing, expectedStatus: 404);
            Assert.True(visit.Problems.Count == 0, $"{missing}:\n{string.Join("\n", visit.Problems)}");
            Assert.Equal(await File.ReadAllTextAsync(notFound), await response.TextAsync());
        }

        await page.Context.CloseAsync();
    }

    private async Task<PageVisit> OpenAsync(Uri url)
    {
        var visit = await PageVisit.OpenAsync(await sites.NewPageAsync(), url);
        Assert.True(visit.Problems.Count == 0, $"{url}:\n{string.Join("\n", visit.Problems)}");
        return visit;
    }
}
