using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 5, widened in issue 15: full-page screenshots of every page type of the sample site
// in both languages at a phone's and a desktop's width, kept as test artifacts
// (tests/Generator.BrowserTests/TestResults/artifacts/, git-ignored)
// for a human to look at.
[Collection(SitesCollection.Name)]
public sealed class ScreenshotTests(Sites sites)
{
    private static readonly (string Name, string Path)[] PageTypes =
    [
        ("home", "/{lang}/"),
        ("topic", "/{lang}/topics/2022/human-security/"),
        ("topics", "/{lang}/topics/"),
        ("edition", "/{lang}/topics/2022/"),
        ("tags", "/{lang}/tags/"),
        ("tag", "/{lang}/tags/human-security/"),
        ("search", "/{lang}/search/"),
        ("page", "/{lang}/legal/accessibility/"),
    ];

    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 1280, 375 })
        {
            foreach (var lang in new[] { "en", "ja" })
            {
                foreach (var (name, _) in PageTypes)
                    data.Add(name, lang, width);
            }

            data.Add("chooser", "", width);
            data.Add("404", "", width);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_type_is_saved_as_a_full_page_screenshot(string type, string lang, int width)
    {
        var path = type switch
        {
            "chooser" => "/",
            "404" => "/no-such-page/",
            _ => PageTypes.Single(p => p.Name == type).Path.Replace("{lang}", lang, StringComparison.Ordinal),
        };
        var page = await sites.NewPageAsync(width, width < 1280 ? 812 : 800);
        await page.GotoAsync(sites.SampleServer.Url(path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("() => document.fonts.ready");
        var file = Path.Combine(Sites.Artifacts, $"{type}{(lang.Length > 0 ? "-" + lang : "")}-{width}.png");
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
