using Microsoft.Playwright;

namespace Generator.Pdf;

/// Debian's headless Chromium, driven by Playwright (never a browser download), printing
/// pages of the staging folder as tagged PDFs with an outline. The pages are loaded at
/// their base_url addresses and every request is answered from the staging folder, so
/// their links come out as the site's absolute URLs and nothing is fetched from the network.
public sealed class PdfRenderer : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private PdfRenderer(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<PdfRenderer> StartAsync(string chromium, TimeSpan timeout)
    {
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Timeout = (float)timeout.TotalMilliseconds,
                // Fonts hinted the same way on every machine; no GPU in a CI container.
                Args = ["--disable-gpu", "--font-render-hinting=none"],
            }).ConfigureAwait(false);
            return new PdfRenderer(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// The page at <paramref name="pageUrl"/> (under <paramref name="baseUrl"/>) printed with the
    /// theme's print stylesheet, and the site files it read (relative paths, for the cache).
    /// <paramref name="html"/>: the page itself when it is not a file of the site (an edition's book).
    public async Task<(byte[] Pdf, IReadOnlyList<string> Reads)> RenderAsync(string siteFolder, Uri baseUrl, Uri pageUrl, string lang, CancellationToken cancel, string? html = null)
    {
        var tab = idle.GetOrAdd(lang, _ => new()).TryTake(out var reused) ? reused : await OpenAsync(lang).ConfigureAwait(false);
        var print = new Print(siteFolder, baseUrl, pageUrl, html);
        tab.Current = print;
        try
        {
            cancel.ThrowIfCancellationRequested();
            var response = await tab.Page.GotoAsync(pageUrl.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
            if (response is null || !response.Ok)
                throw new IOException($"the page {pageUrl} did not load from the staging folder");
            await tab.Page.EvaluateAsync("document.fonts.ready").ConfigureAwait(false);
            var pdf = await tab.Page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PreferCSSPageSize = true,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
            }).ConfigureAwait(false);
            tab.Current = null;
            idle[lang].Add(tab);
            return (pdf, [.. print.Reads.Keys.Order(StringComparer.Ordinal)]);
        }
        catch
        {
            // A tab that failed is closed, never handed to the next page.
            await tab.Context.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// One page being printed: what its requests are answered from, and the files they read.
    private sealed record Print(string SiteFolder, Uri BaseUrl, Uri PageUrl, string? Html)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Reads { get; } = new(StringComparer.Ordinal);
    }

    /// A browser context with one page, kept between prints of its language: a new context
    /// for each PDF was a renderer process started and torn down each time. Routing disables
    /// the browser's cache, so every print asks for (and records) each file it reads again.
    private sealed class Tab(IBrowserContext context, IPage page)
    {
        public IBrowserContext Context { get; } = context;

        public IPage Page { get; } = page;

        public volatile Print? Current;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<Tab>> idle = new(StringComparer.Ordinal);

    private async Task<Tab> OpenAsync(string lang)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = lang,
            // The print is the page without its scripts (search box, language follower): the same bytes every time.
            JavaScriptEnabled = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        }).ConfigureAwait(false);
        Tab? tab = null;
        await context.RouteAsync("**/*", route => tab?.Current is not { } print ? route.AbortAsync("blockedbyclient")
            : print.Html is not null && route.Request.Url == print.PageUrl.AbsoluteUri
                ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, Body = print.Html, ContentType = "text/html; charset=utf-8" })
                : Answer(route, print.SiteFolder, print.BaseUrl, print.Reads)).ConfigureAwait(false);
        tab = new Tab(context, await context.NewPageAsync().ConfigureAwait(false));
        return tab;
    }

    /// A request for the site is its file in the staging folder (index.html for a folder); anything else is refused.
    private static Task Answer(IRoute route, string siteFolder, Uri baseUrl, System.Collections.Concurrent.ConcurrentDictionary<string, bool> reads)
    {
        var url = new Uri(route.Request.Url);
        var root = baseUrl.GetLeftPart(UriPartial.Authority);
        var basePath = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";
        if (!string.Equals(url.GetLeftPart(UriPartial.Authority), root, StringComparison.OrdinalIgnoreCase)
            || !url.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal))
            return route.AbortAsync("blockedbyclient");
        var relative = Uri.UnescapeDataString(url.AbsolutePath[basePath.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/'))
            relative += "index.html";
        var file = Path.GetFullPath(Path.Combine(siteFolder, relative));
        if (!OutputFolder.Contains(Path.GetFullPath(siteFolder), file) || !File.Exists(file))
            return route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "" });
        reads[relative] = true;
        // The type is named: Playwright's own guess serves an .svg logo as application/octet-stream, a broken image.
        return route.FulfillAsync(new RouteFulfillOptions { Status = 200, Path = file, ContentType = ContentType(file) });
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".avif" => "image/avif",
        ".gif" => "image/gif",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync().ConfigureAwait(false);
        playwright.Dispose();
    }
}
