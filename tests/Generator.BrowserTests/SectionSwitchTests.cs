using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 17: a translation's sections have its original's ids, and the language switcher
// carries the reader's current section to the other language (without JavaScript it
// goes to the top of the translation).
[Collection(SitesCollection.Name)]
public sealed class SectionSwitchTests(Sites sites)
{
    [Theory]
    [InlineData("en", "ja", "今後の展望")]
    [InlineData("ja", "en", "Outlook")]
    public async Task The_switcher_lands_on_the_same_section_in_the_other_language(string from, string to, string heading)
    {
        var page = await sites.NewPageAsync();
        var visit = await PageVisit.OpenAsync(page, sites.FixtureServer.Url($"/{from}/topics/2021/clean-water/"));
        Assert.True(visit.Problems.Count == 0, string.Join("\n", visit.Problems));
        // The reader follows a link to a section (the fragment changes without a reload).
        await page.EvaluateAsync("() => { window.location.hash = 'outlook'; }");

        var target = sites.FixtureServer.Url($"/{to}/topics/2021/clean-water/").ToString() + "#outlook";
        await Task.WhenAll(
            page.WaitForURLAsync(target, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator($".language-switcher a[hreflang='{to}']").ClickAsync());

        Assert.Equal(target, page.Url);
        Assert.StartsWith(heading, await page.Locator("#outlook").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_switcher_goes_to_the_top_of_the_translation()
    {
        var page = await sites.NewPageAsync(javaScript: false);
        await page.GotoAsync(sites.FixtureServer.Url("/en/topics/2021/clean-water/").ToString() + "#outlook");

        var target = sites.FixtureServer.Url("/ja/topics/2021/clean-water/").ToString();
        await Task.WhenAll(
            page.WaitForURLAsync(target, new() { WaitUntil = WaitUntilState.DOMContentLoaded }),
            page.Locator(".language-switcher a[hreflang='ja']").ClickAsync());

        Assert.Equal(target, page.Url);
        Assert.Equal(1, await page.Locator("#outlook").CountAsync()); // the same section is there to scroll to
        await page.Context.CloseAsync();
    }
}
