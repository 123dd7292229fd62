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
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = lang,
            // The print is the page without its scripts (search box, language follower): the same bytes every time.
            JavaScriptEnabled = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        }).ConfigureAwait(false);
        var reads = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await context.RouteAsync("**/*", route => html is not null && route.Request.Url == pageUrl.AbsoluteUri
            ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, Body = html, ContentType = "text/html; charset=utf-8" })
            : Answer(route, siteFolder, baseUrl, reads)).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        cancel.ThrowIfCancellationRequested();
        var response = await page.GotoAsync(pageUrl.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
        if (response is null || !response.Ok)
            throw new IOException($"the page {pageUrl} did not load from the staging folder");
        await page.EvaluateAsync("document.fonts.ready").ConfigureAwait(false);
        var pdf = await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PreferCSSPageSize = true,
            PrintBackground = true,
            Tagged = true,
            Outline = true,
        }).ConfigureAwait(false);
        return (pdf, [.. reads.Keys.Order(StringComparer.Ordinal)]);
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
