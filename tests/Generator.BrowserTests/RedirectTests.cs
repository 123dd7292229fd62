namespace Generator.BrowserTests;

// Issue 20: an old address (front matter aliases) lands the reader on the moved topic, in a
// real browser, on a site served under a base path (/white-papers/).
[Collection(SitesCollection.Name)]
public sealed class RedirectTests(Sites sites)
{
    [Theory]
    [InlineData("en", "Clean Water for Rural Villages")]
    [InlineData("ja", "農村に安全な水を")]
    public async Task An_old_address_lands_on_the_moved_topic(string lang, string title)
    {
        var visit = await PageVisit.OpenAsync(await sites.NewPageAsync(), sites.FixtureServer.Url($"/{lang}/topics/2020/wells/"));
        await visit.Page.WaitForURLAsync(sites.FixtureServer.Url($"/{lang}/topics/2021/clean-water/").ToString(), new() { Timeout = 30_000 });

        Assert.True(visit.Problems.Count == 0, string.Join("\n", visit.Problems));
        Assert.Equal(title, await visit.Page.TextContentAsync("h1"));
        Assert.Equal(lang, await visit.Page.GetAttributeAsync("html", "lang"));
        await visit.Page.Context.CloseAsync();
    }
}
