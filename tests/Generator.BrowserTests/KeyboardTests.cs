using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 5: keyboard only. The skip link is the first stop and shows itself on focus;
// the language switcher is reachable with Tab and visibly focused.
[Collection(SitesCollection.Name)]
public sealed class KeyboardTests(Sites sites)
{
    [Theory]
    [InlineData("/en/topics/2022/human-security/")]
    [InlineData("/ja/topics/2022/human-security/")]
    public async Task The_skip_link_is_the_first_tab_stop_visible_on_focus_and_moves_to_the_main_content(string path)
    {
        var page = await sites.NewPageAsync(375, 812);
        await page.GotoAsync(sites.SampleServer.Url(path).ToString());

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(":focus");
        Assert.Equal("skip-link", await skip.GetAttributeAsync("class"));
        await AssertVisibleWithFocusOutlineAsync(page, skip, "the skip link");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/en/topics/2022/human-security/", "ja")]
    [InlineData("/ja/topics/2022/human-security/", "en")]
    public async Task The_language_switcher_is_reachable_with_tab_and_visible_on_focus(string path, string other)
    {
        var page = await sites.NewPageAsync(375, 812);
        await page.GotoAsync(sites.SampleServer.Url(path).ToString());

        for (var stops = 0; stops < 10; stops++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('hreflang')") == other)
                break;
        }

        var link = page.Locator(":focus");
        Assert.Equal(other, await link.GetAttributeAsync("hreflang"));
        Assert.Equal(1, await page.Locator($".language-switcher a[hreflang='{other}']:focus").CountAsync());
        await AssertVisibleWithFocusOutlineAsync(page, link, "the language switcher");
        await page.Context.CloseAsync();
    }

    private static async Task AssertVisibleWithFocusOutlineAsync(IPage page, ILocator element, string what)
    {
        Assert.True(await element.IsVisibleAsync(), $"{what} is not visible on focus");
        var box = await element.BoundingBoxAsync();
        var viewport = page.ViewportSize!;
        Assert.True(box is not null && box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width && box.Y + box.Height <= viewport.Height,
            $"{what} is focused outside the viewport: {box?.X},{box?.Y} {box?.Width}x{box?.Height}");
        var outline = await element.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
        Assert.True(!outline.StartsWith("none", StringComparison.Ordinal) && !outline.EndsWith(" 0px", StringComparison.Ordinal),
            $"{what} shows no focus outline ({outline})");
    }
}
