using System.Collections.Concurrent;
using System.Text;
using Generator.Editing;
using Generator.Preview;
using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 17, item 7: the translators' side-by-side view in a real preview (PreviewSite,
// PreviewServer, SourceWatcher) in Chromium: a save of the original reloads the open view,
// which then highlights the changed block with its word diff; axe finds nothing; no
// horizontal scrolling at 375 px; screenshots at 375 and 1280 px.
public sealed class TranslationViewTests : IAsyncLifetime
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        -- input/en/topics/2022/water.md --
        ---
        title: Water for all
        summary: Wells for villages.
        date: 2022-01-01
        ---
        ## Background

        Many villages have no safe water and walk far to fetch it, often for hours, and the children who carry it miss school.

        - Wells were dug.
        - Pumps were repaired.

        ## Results

        Children go to school instead.
        -- input/ja/topics/2022/water.md --
        ---
        title: すべての人に水を
        summary: 村に井戸を。
        ---
        ## 背景

        多くの村には安全な水がなく、遠くまで何時間もかけて水をくみに行き、水を運ぶ子どもたちは学校に通えません。

        - 井戸が掘られました。
        - ポンプが修理されました。

        ## 成果

        子どもたちは代わりに学校へ通います。
        """;

    private readonly string temp = Directory.CreateTempSubdirectory("generator-translate-view-").FullName;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync() => (playwright, browser) = await Sites.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();
        playwright?.Dispose();
        try
        {
            Directory.Delete(temp, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public async Task A_save_of_the_original_reloads_the_open_view_with_the_changed_block_highlighted()
    {
        BuiltSite.WriteSections(Site, temp);
        var english = Path.Combine(temp, "input", "en", "topics", "2022", "water.md");
        var port = FreeLoopbackPort();
        var settings = new BuildSettings
        {
            InputFolder = Path.Combine(temp, "input"),
            ThemeFolder = Path.Combine(BuiltSite.RepositoryRoot(), "theme"),
            DisplayRoot = temp,
            BaseUrl = new Uri($"http://127.0.0.1:{port}/"),
        };
        // The translation is marked as up to date, as `translations mark` does.
        TranslationMarker.Mark(await new SiteBuild(settings).RunAsync(), [], settings.InputFolder, git: null);
        var site = new PreviewSite(settings);
        await site.RebuildAsync(CancellationToken.None);
        await using var server = await PreviewServer.StartAsync(site, port, CancellationToken.None);
        using var watcher = new SourceWatcher([settings.InputFolder], TimeSpan.FromMilliseconds(50),
            paths => site.UpdateAsync(paths, CancellationToken.None).GetAwaiter().GetResult());

        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Enqueue(message.Text);
        };
        page.PageError += (_, error) => errors.Enqueue(error);
        var wait = new LocatorWaitForOptions { Timeout = 30_000 }; // catches a hang, not a speed assertion

        await page.GotoAsync(new Uri(server.Address, "_translate/ja/topics/2022/water/").ToString());
        await page.Locator(".status-ok").WaitForAsync(wait);
        Assert.Equal(0, await page.Locator("tr.changed").CountAsync());

        await File.WriteAllTextAsync(english, (await File.ReadAllTextAsync(english)).Replace("walk far to fetch it", "walk a long way to fetch it", StringComparison.Ordinal), new UTF8Encoding(false));
        var changed = page.Locator("tr.changed");
        await changed.WaitForAsync(wait);

        Assert.Equal(1, await changed.CountAsync());
        Assert.Equal("far", await changed.Locator("del").InnerTextAsync());
        Assert.Equal("a long way", await changed.Locator("ins").InnerTextAsync());
        Assert.Contains("多くの村には安全な水がなく", await changed.Locator("td[lang=ja]").InnerTextAsync());
        var background = await changed.Locator("td[lang=en]").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.Empty(await AccessibilityGate.CheckAsync(page, "/_translate/ja/topics/2022/water/"));

        Directory.CreateDirectory(Sites.Artifacts);
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, width < 1280 ? 812 : 800);
            var scrolls = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.False(scrolls, $"the view scrolls sideways at {width} px");
            var file = Path.Combine(Sites.Artifacts, $"translate-ja-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} is suspiciously small");
        }

        await page.GotoAsync(new Uri(server.Address, "_translate/").ToString());
        await page.Locator("a .status-stale").WaitForAsync(wait);
        Assert.Empty(await AccessibilityGate.CheckAsync(page, "/_translate/"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Sites.Artifacts, "translate-index-1280.png"), FullPage = true });

        Assert.True(errors.IsEmpty, "Chromium reported:\n" + string.Join("\n", errors));
        await context.CloseAsync();
    }

    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
