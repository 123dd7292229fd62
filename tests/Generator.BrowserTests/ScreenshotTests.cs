using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 5: full-page screenshots of the topic in both languages, kept as test artifacts
// (tests/Generator.BrowserTests/TestResults/artifacts/, git-ignored) for a human to look at.
[Collection(SitesCollection.Name)]
public sealed class ScreenshotTests(Sites sites)
{
    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ja", 1280)]
    [InlineData("en", 375)]
    [InlineData("ja", 375)]
    public async Task The_topic_page_is_saved_as_a_full_page_screenshot(string lang, int width)
    {
        var page = await sites.NewPageAsync(width, 800);
        await page.GotoAsync(sites.SampleServer.Url($"/{lang}/topics/2022/human-security/").ToString(),
            new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("() => document.fonts.ready");
        var file = Path.Combine(Sites.Artifacts, $"topic-{lang}-{width}.png");
        Directory.CreateDirectory(Sites.Artifacts);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

        Assert.True(new FileInfo(file).Length > 10_000, $"{file} is suspiciously small");
        if (lang == "ja")
        {
            // Japanese must render with a CJK font (fonts-noto-cjk), not as boxes.
            var fonts = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("fc-list", ":lang=ja family") { RedirectStandardOutput = true })!;
            var families = await fonts.StandardOutput.ReadToEndAsync();
            await fonts.WaitForExitAsync();
            Assert.True(families.Trim().Length > 0, "no Japanese font is installed: apt-get install -y fonts-noto-cjk");
        }

        await page.Context.CloseAsync();
    }
}
