using System.Collections.Concurrent;
using System.Text;
using Generator.Preview;
using Microsoft.Playwright;

namespace Generator.BrowserTests;

// Issue 13, A.1: the HTTP-level preview tests saw the reload script in the page, but
// Chromium refused to run it (an inline script under the theme's script-src 'self'), so an
// open tab never reloaded. This drives a real preview (the one `preview` runs: PreviewSite,
// PreviewServer, SourceWatcher) with the repository's theme and its CSP, in Chromium.
public sealed class LiveReloadTests : IAsyncLifetime
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
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: S
        date: 2022-01-01
        ---
        First version.
        """;

    private readonly string temp = Directory.CreateTempSubdirectory("generator-live-reload-").FullName;
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
    public async Task An_open_tab_reloads_on_a_save_and_shows_the_error_overlay_until_the_file_is_fixed()
    {
        BuiltSite.WriteSections(Site, temp);
        var topic = Path.Combine(temp, "input", "en", "topics", "2022", "a.md");
        var port = FreeLoopbackPort();
        var settings = new BuildSettings
        {
            InputFolder = Path.Combine(temp, "input"),
            ThemeFolder = Path.Combine(BuiltSite.RepositoryRoot(), "theme"),
            DisplayRoot = temp,
            IncludeDrafts = true,
            BaseUrl = new Uri($"http://127.0.0.1:{port}/"),
        };
        var site = new PreviewSite(settings);
        await site.RebuildAsync(CancellationToken.None);
        await using var server = await PreviewServer.StartAsync(site, port, CancellationToken.None);
        using var watcher = new SourceWatcher([settings.InputFolder], TimeSpan.FromMilliseconds(50),
            paths => site.UpdateAsync(paths, CancellationToken.None).GetAwaiter().GetResult());

        var context = await browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Enqueue(message.Text);
        };
        page.PageError += (_, error) => errors.Enqueue(error);
        // Generous bounds that catch a tab that never reloads, not a speed assertion.
        var wait = new LocatorWaitForOptions { Timeout = 30_000 };

        await page.GotoAsync(new Uri(server.Address, "en/topics/2022/a/").ToString());
        await page.GetByText("First version.").WaitForAsync(wait);
        await MarkAsync(page);

        await SaveAsync(topic, """
            ---
            title: A
            summary: S
            date: 2022-01-01
            ---
            Second version.
            """);
        await page.GetByText("Second version.").WaitForAsync(wait);
        Assert.False(await IsMarkedAsync(page), "the text changed without a reload");
        await MarkAsync(page);

        await SaveAsync(topic, """
            ---
            title: "A
            summary: S
            date: 2022-01-01
            ---
            Broken version.
            """);
        var overlay = page.Locator("#" + PreviewPage.OverlayId);
        await overlay.WaitForAsync(wait);
        Assert.Contains("input/en/topics/2022/a.md", await overlay.TextContentAsync());
        Assert.True(await overlay.IsVisibleAsync(), "the overlay is in the page but not shown");
        Assert.Equal(1, await page.GetByText("Second version.").CountAsync());

        await SaveAsync(topic, """
            ---
            title: A
            summary: S
            date: 2022-01-01
            ---
            Third version.
            """);
        await page.GetByText("Third version.").WaitForAsync(wait);
        Assert.Equal(0, await overlay.CountAsync());

        var policy = errors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(policy.Count == 0, "Chromium reported:\n" + string.Join("\n", policy));
        await context.CloseAsync();
    }

    private static Task MarkAsync(IPage page) => page.EvaluateAsync("() => { window.notReloaded = true; }");

    private static Task<bool> IsMarkedAsync(IPage page) => page.EvaluateAsync<bool>("() => window.notReloaded === true");

    private static Task SaveAsync(string path, string text) =>
        File.WriteAllTextAsync(path, text.Replace("\r\n", "\n") + "\n", new UTF8Encoding(false));

    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
