using System.Globalization;
using Generator.Content;
using Generator.Engine;

namespace Generator.Pdf;

/// `build --pdf` (issue 19): after the pages are in the staging folder and before the swap,
/// each topic page is printed as a PDF beside it (/en/topics/2022/x/x.pdf), and its link
/// is given the PDF's size. The print hides that link, so a PDF never depends on its own size.
public sealed class PdfStep(string chromium, string cacheFolder, TimeSpan startTimeout)
{
    private readonly PdfCache cache = new(cacheFolder);

    /// Debian's Chromium (apt-get install chromium), which the tests use too.
    public const string DefaultBrowser = "/usr/bin/chromium";

    /// What topic.liquid leaves in the PDF link for the size.
    public const string SizeMarker = "<span data-pdf-size></span>";

    /// A topic's PDF beside its page, named after it: /en/topics/2022/x/ → /en/topics/2022/x/x.pdf.
    public static string PdfPath(string pageUrl)
    {
        var trimmed = pageUrl.TrimEnd('/');
        return trimmed + "/" + trimmed[(trimmed.LastIndexOf('/') + 1)..] + ".pdf";
    }

    /// Whether this build makes PDFs: asked for (--pdf, else site.yml's pdf), the build writes
    /// output (not check, not preview) and Chromium is there; without it one warning says what to install.
    public static bool Wanted(BuildSettings settings, bool siteSwitch, ICollection<Diagnostic> diagnostics)
    {
        if (settings.OutputFolder is null || !(settings.Pdf ?? siteSwitch))
            return false;
        var browser = settings.PdfBrowser ?? DefaultBrowser;
        if (File.Exists(browser))
            return true;
        diagnostics.Add(new Diagnostic(DiagnosticCodes.PdfBrowserMissing, Severity.Warning, null,
            $"no PDFs were made: Chromium is not installed at {browser}; install it with 'apt-get install chromium fonts-noto-cjk fonts-morisawa-bizud-gothic' (Debian and Ubuntu), " +
            "or build without --pdf and pdf: true in site.yml; every other file is built, and the pages offer no PDF"));
        return false;
    }

    /// Topic PDFs Chromium printed in the last run, and those taken from the cache.
    public int Printed => printed;

    public int Reused => reused;

    private int printed;
    private int reused;

    public async Task<IReadOnlyList<Diagnostic>> RunAsync(
        string stagingFolder, IReadOnlyDictionary<string, IReadOnlyList<Document>> outputs, CancellationToken cancel)
    {
        if (!outputs.TryGetValue(nameof(Pipelines.Data), out var data) || SiteData.Site(data) is not { Pdf: true } site)
            return [];
        var topics = outputs.Values.SelectMany(d => d)
            .Where(d => d.Get<PageKind>(Keys.Kind) == PageKind.Topic && d.Destination.EndsWith("/index.html", StringComparison.Ordinal))
            .OrderBy(d => d.Destination, StringComparer.Ordinal)
            .ToList();
        if (topics.Count == 0)
            return [];

        var environment = PdfEnvironment.Stamp(chromium);
        // Chromium starts at the first page the cache does not hold: a build where nothing changed starts none.
        var renderer = new Lazy<Task<PdfRenderer>>(() => PdfRenderer.StartAsync(chromium, startTimeout), LazyThreadSafetyMode.ExecutionAndPublication);
        var diagnostics = new List<Diagnostic>();
        try
        {
            // Bounded to the cores: each page is a Chromium renderer process of its own.
            using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
            var results = await Task.WhenAll(topics.Select(async topic =>
            {
                await slots.WaitAsync(cancel).ConfigureAwait(false);
                try
                {
                    return await MakeTopicAsync(renderer, environment, stagingFolder, site, topic, cancel).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            })).ConfigureAwait(false);
            diagnostics.AddRange(results.OfType<Diagnostic>().Distinct());
        }
        finally
        {
            if (renderer.IsValueCreated && renderer.Value.IsCompletedSuccessfully)
                await renderer.Value.Result.DisposeAsync().ConfigureAwait(false);
        }

        return diagnostics;
    }

    private async Task<Diagnostic?> MakeTopicAsync(
        Lazy<Task<PdfRenderer>> renderer, string environment, string stagingFolder, Site.SiteConfig site, Document topic, CancellationToken cancel)
    {
        var folder = topic.Destination[..topic.Destination.LastIndexOf('/')];
        var pageUrl = "/" + folder + "/";
        var lang = topic.Get<string>(Keys.Lang) ?? site.DefaultLanguage;
        var html = Path.Combine(stagingFolder, topic.Destination);
        var text = await File.ReadAllTextAsync(html, cancel).ConfigureAwait(false);
        var info = Info(topic, lang, site);
        var key = PdfCache.Key(text, info, environment);
        var pdf = cache.Find(key, stagingFolder);
        if (pdf is null)
        {
            PdfRenderer started;
            try
            {
                started = await renderer.Value.ConfigureAwait(false);
            }
            catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or IOException or TimeoutException)
            {
                return new Diagnostic(DiagnosticCodes.PdfRenderFailed, Severity.Error, null,
                    $"Chromium ({chromium}) did not start to render the PDFs: {FirstLine(e.Message)}; reinstall it with 'apt-get install chromium', or build without --pdf");
            }

            IReadOnlyList<string> reads;
            try
            {
                (pdf, reads) = await started.RenderAsync(stagingFolder, site.BaseUrl, new Uri(site.AbsoluteUrl(pageUrl)), lang, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or IOException or TimeoutException)
            {
                return new Diagnostic(DiagnosticCodes.PdfRenderFailed, Severity.Error, topic.At(),
                    $"Chromium could not print {pageUrl} as a PDF: {FirstLine(e.Message)}");
            }

            pdf = PdfNormalizer.Normalize(pdf, info);
            Interlocked.Increment(ref printed);
            try
            {
                cache.Store(key, pdf, stagingFolder, reads);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Diagnostic(DiagnosticCodes.PhotoCache, Severity.Error, null,
                    $"cannot store a PDF in the cache ({e.Message}); make the folder writable or pass another with --cache-dir");
            }
        }
        else
        {
            Interlocked.Increment(ref reused);
        }

        await File.WriteAllBytesAsync(Path.Combine(stagingFolder, PdfPath(pageUrl).TrimStart('/')), pdf, cancel).ConfigureAwait(false);
        await File.WriteAllTextAsync(html, text.Replace(SizeMarker, $"<span data-pdf-size>{Size(pdf.Length)}</span>", StringComparison.Ordinal), cancel).ConfigureAwait(false);
        return null;
    }

    /// The topic's title and summary, its publisher as author, its dates (publication, last change).
    private static PdfInfo Info(Document topic, string lang, Site.SiteConfig site)
    {
        var matter = topic.Get<FrontMatter>(Keys.FrontMatter);
        var created = matter?.Date ?? DateOnly.FromDateTime(DateTime.UnixEpoch);
        var author = site.Publisher?.NameIn(lang) ?? site.Find(lang)?.Title ?? "";
        return new PdfInfo(matter?.Title ?? "", author, matter?.Summary ?? "", site.Find(lang)?.Title ?? "", created, matter?.Modified ?? created);
    }

    /// "123 KB": kibibytes, rounded up, as file managers show them.
    public static string Size(long bytes) =>
        bytes < 1024 * 1024
            ? ((bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB"
            : (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
