using System.Globalization;
using Generator.Content;
using Generator.Engine;

namespace Generator.Pdf;

/// `build --pdf` (issue 19): after the pages are in the staging folder and before the swap,
/// each topic page is printed as a PDF beside it (/en/topics/2022/x/x.pdf), each edition's
/// topics as one PDF beside its index (/en/topics/2022/2022.pdf), and the links to them are
/// given their sizes. The print hides those links, so a PDF never depends on its own size.
public sealed partial class PdfStep(string chromium, string cacheFolder, TimeSpan startTimeout)
{
    private readonly PdfCache cache = new(cacheFolder);

    /// Debian's Chromium (apt-get install chromium), which the tests use too.
    public const string DefaultBrowser = "/usr/bin/chromium";

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

    /// Edition PDFs Chromium printed in the last run, and those taken from the cache.
    public int EditionsPrinted => editionsPrinted;

    public int EditionsReused => editionsReused;

    private int printed;
    private int reused;
    private int editionsPrinted;
    private int editionsReused;

    /// One PDF to make: where it goes, what its cache key is made from, its information, and how Chromium prints it.
    private sealed record Job(string PdfPath, string KeyText, PdfInfo Info, SourcePosition? At, bool Edition,
        Func<PdfRenderer, CancellationToken, Task<(byte[] Pdf, IReadOnlyList<string> Reads)>> Print);

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

        var diagnostics = new List<Diagnostic>();
        var jobs = new List<Job>();
        foreach (var topic in topics)
            jobs.Add(await TopicJobAsync(stagingFolder, site, topic, cancel).ConfigureAwait(false));
        if (SiteData.Theme(data) is { } theme)
            jobs.AddRange(await EditionJobsAsync(stagingFolder, site, theme, topics, diagnostics, cancel).ConfigureAwait(false));

        var environment = PdfEnvironment.Stamp(chromium);
        // Chromium starts at the first PDF the cache does not hold: a build where nothing changed starts none.
        var renderer = new Lazy<Task<PdfRenderer>>(() => PdfRenderer.StartAsync(chromium, startTimeout), LazyThreadSafetyMode.ExecutionAndPublication);
        var sizes = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        try
        {
            // Bounded to the cores: each page is a Chromium renderer process of its own.
            using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
            var results = await Task.WhenAll(jobs.Select(async job =>
            {
                await slots.WaitAsync(cancel).ConfigureAwait(false);
                try
                {
                    return await MakeAsync(renderer, environment, stagingFolder, job, sizes, cancel).ConfigureAwait(false);
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

        if (!diagnostics.Any(d => d.IsError))
            await FillSizesAsync(stagingFolder, outputs, site, sizes, cancel).ConfigureAwait(false);
        return diagnostics;
    }

    private static async Task<Job> TopicJobAsync(string stagingFolder, Site.SiteConfig site, Document topic, CancellationToken cancel)
    {
        var pageUrl = "/" + topic.Destination[..topic.Destination.LastIndexOf('/')] + "/";
        var lang = topic.Get<string>(Keys.Lang) ?? site.DefaultLanguage;
        var text = await File.ReadAllTextAsync(Path.Combine(stagingFolder, topic.Destination), cancel).ConfigureAwait(false);
        var page = new Uri(site.AbsoluteUrl(pageUrl));
        return new Job(PdfPath(pageUrl), text, Info(topic, lang, site), topic.At(), Edition: false,
            (renderer, token) => renderer.RenderAsync(stagingFolder, site.BaseUrl, page, lang, token, ForPrint(text)));
    }

    /// A PDF of each edition in each language that has topics (issue 19), unless site.yml
    /// names the edition's own PDF in that language: that one is linked instead.
    private static async Task<IEnumerable<Job>> EditionJobsAsync(
        string stagingFolder, Site.SiteConfig site, Theme.Theme theme, IReadOnlyList<Document> topics, ICollection<Diagnostic> diagnostics, CancellationToken cancel)
    {
        var jobs = new List<Job>();
        var books = topics
            .Select(t => (Topic: t, Lang: t.Get<string>(Keys.Lang) ?? site.DefaultLanguage, Order: t.Get<TopicOrder>(Keys.TopicOrder)))
            .Where(t => t.Order?.Edition is { } year && EditionPdf(site, year, t.Lang))
            .GroupBy(t => (t.Lang, Year: t.Order!.Edition!.Value))
            .OrderBy(g => g.Key.Lang, StringComparer.Ordinal).ThenBy(g => g.Key.Year);
        foreach (var book in books)
        {
            var (lang, year) = book.Key;
            var members = TopicOrder.Reading(book, t => t.Order!, t => t.Topic.Destination).ToList();
            var uris = members.Select(m => new Uri(site.AbsoluteUrl("/" + m.Topic.Destination[..m.Topic.Destination.LastIndexOf('/')] + "/"))).ToList();
            var ids = uris.Select((u, i) => (u, i)).ToDictionary(p => p.u.AbsoluteUri, p => EditionBook.IdOf(p.i + 1), StringComparer.Ordinal);
            var texts = new List<string>(members.Count);
            foreach (var member in members)
                texts.Add(await File.ReadAllTextAsync(Path.Combine(stagingFolder, member.Topic.Destination), cancel).ConfigureAwait(false));

            var strings = theme.StringsFor(lang);
            if (!strings.TryGet("edition_contents", out var contents))
            {
                contents = "Contents";
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingString, Severity.Warning, new SourcePosition(strings.Path, 1, 1),
                    "missing interface string 'edition_contents', the heading of an edition PDF's contents; add 'edition_contents: …'"));
            }

            var edition = site.Editions.GetValueOrDefault(year);
            var title = Theme.Labels.Edition(year, lang, site, strings);
            var publisher = site.Publisher?.NameIn(lang) ?? site.Find(lang)?.Title ?? "";
            var published = edition?.Published is { } date && strings.TryGet("edition_cover_published", out var line)
                ? line.Replace("{date}", Theme.Dates.Format(date, lang), StringComparison.Ordinal)
                : null;
            var cover = new EditionBook.Cover(lang, publisher, title, year, published, contents);
            // The book is made from the first page's head and each page's main part: those, with
            // the cover and the addresses, are its cache key, so a warm build parses no page.
            var key = new System.Text.StringBuilder("edition ").Append(cover).Append('\n').Append(EditionBook.HeadOf(texts[0]));
            for (var i = 0; i < texts.Count; i++)
                key.Append('\n').Append(uris[i].AbsoluteUri).Append('\n').Append(EditionBook.MainOf(texts[i]));
            var matters = members.Select(m => m.Topic.Get<FrontMatter>(Keys.FrontMatter)).OfType<FrontMatter>().ToList();
            var created = edition?.Published ?? matters.Select(m => m.Date).OfType<DateOnly>().DefaultIfEmpty(DateOnly.FromDateTime(DateTime.UnixEpoch)).Max();
            var modified = matters.Select(m => m.Modified).OfType<DateOnly>().Append(created).Max();
            var info = new PdfInfo(title, publisher, title, site.Find(lang)?.Title ?? "", created, modified);
            var editionUrl = Site.ListUrls.Edition(lang, year);
            var page = new Uri(site.AbsoluteUrl(editionUrl + BookPage));
            jobs.Add(new Job(PdfPath(editionUrl), key.ToString(), info, null, Edition: true, async (renderer, token) =>
            {
                var frame = EditionBook.FrameOf(texts[0], uris[0]);
                var chapters = texts.Select((text, i) => EditionBook.ChapterOf(text, uris[i], ids)).ToList();
                var first = EditionBook.Html(cover, frame, chapters, pages: null);
                // Chromium cannot number pages in a contents list: a first print tells where each
                // topic starts, and the second fills that in (the placeholder is as wide as the numbers).
                var (draft, _) = await renderer.RenderAsync(stagingFolder, site.BaseUrl, page, lang, token, ForPrint(first)).ConfigureAwait(false);
                var pages = EditionBook.PagesOf(draft, chapters);
                return await renderer.RenderAsync(stagingFolder, site.BaseUrl, page, lang, token, ForPrint(EditionBook.Html(cover, frame, chapters, pages))).ConfigureAwait(false);
            }));
        }

        return jobs;
    }

    /// A page as Chromium prints it: its photos in their JPEG or PNG fallback, which the PDF
    /// holds as they are, where AVIF and WebP are decoded and stored as pixels (a 94 KB photo
    /// was 834 KB in the PDF).
    public static string ForPrint(string html) => ModernSource().Replace(html, "");

    [System.Text.RegularExpressions.GeneratedRegex("<source\\b[^>]*\\btype=\"image/(?:avif|webp)\"[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex ModernSource();

    /// Whether the build prints the edition's PDF in this language: site.yml names none.
    public static bool EditionPdf(Site.SiteConfig site, int year, string lang) =>
        site.Editions.GetValueOrDefault(year)?.Pdf.In(lang) is null;

    /// The address an edition's book is loaded at while it prints (never written anywhere).
    private const string BookPage = "edition-book.html";

    private async Task<Diagnostic?> MakeAsync(
        Lazy<Task<PdfRenderer>> renderer, string environment, string stagingFolder, Job job,
        System.Collections.Concurrent.ConcurrentDictionary<string, long> sizes, CancellationToken cancel)
    {
        var key = PdfCache.Key(job.KeyText, job.Info, environment);
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
                (pdf, reads) = await job.Print(started, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or IOException or TimeoutException)
            {
                return new Diagnostic(DiagnosticCodes.PdfRenderFailed, Severity.Error, job.At,
                    $"Chromium could not print {job.PdfPath}: {FirstLine(e.Message)}");
            }

            pdf = PdfNormalizer.Normalize(pdf, job.Info);
            Interlocked.Increment(ref job.Edition ? ref editionsPrinted : ref printed);
            try
            {
                cache.Store(key, pdf, stagingFolder, reads);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Diagnostic(DiagnosticCodes.PhotoCache, Severity.Error, null,
                    $"cannot store a PDF in the cache ({Reasons.Of(e)}); make the folder writable or pass another with --cache-dir");
            }
        }
        else
        {
            Interlocked.Increment(ref job.Edition ? ref editionsReused : ref reused);
        }

        await File.WriteAllBytesAsync(Path.Combine(stagingFolder, job.PdfPath.TrimStart('/')), pdf, cancel).ConfigureAwait(false);
        sizes[job.PdfPath] = pdf.Length;
        return null;
    }

    /// Each page that links a PDF the build made (a topic, its edition's lists) gets that
    /// PDF's size where the theme left <c>&lt;span data-pdf-size="href"&gt;&lt;/span&gt;</c>.
    private static async Task FillSizesAsync(
        string stagingFolder, IReadOnlyDictionary<string, IReadOnlyList<Document>> outputs, Site.SiteConfig site,
        IReadOnlyDictionary<string, long> sizes, CancellationToken cancel)
    {
        var byHref = sizes.ToDictionary(s => site.Href(s.Key), s => s.Value, StringComparer.Ordinal);
        foreach (var page in outputs.Values.SelectMany(d => d).Where(d => d.Content?.Contains(SizeMarkerStart, StringComparison.Ordinal) == true))
        {
            var file = Path.Combine(stagingFolder, page.Destination);
            var text = await File.ReadAllTextAsync(file, cancel).ConfigureAwait(false);
            var filled = SizeMarker().Replace(text, m => byHref.TryGetValue(System.Net.WebUtility.HtmlDecode(m.Groups["href"].Value), out var bytes)
                ? $"<span data-pdf-size>{Size(bytes)}</span>"
                : m.Value);
            // A new file, not the same one rewritten: the page may be a link to the cache's
            // entry (WrittenFiles), which must keep the bytes it is named by.
            WholeFile.Write(file, System.Text.Encoding.UTF8.GetBytes(filled));
        }
    }

    private const string SizeMarkerStart = "<span data-pdf-size=\"";

    [System.Text.RegularExpressions.GeneratedRegex("<span data-pdf-size=\"(?<href>[^\"]*)\"></span>")]
    private static partial System.Text.RegularExpressions.Regex SizeMarker();

    /// The topic's title and summary, its publisher as author, its dates (publication, last change).
    private static PdfInfo Info(Document topic, string lang, Site.SiteConfig site)
    {
        var matter = topic.Get<FrontMatter>(Keys.FrontMatter);
        var created = matter?.Date ?? DateOnly.FromDateTime(DateTime.UnixEpoch);
        var author = site.Publisher?.NameIn(lang) ?? site.Find(lang)?.Title ?? "";
        // A title's line breaks are one space, as on its share card: a PDF reader shows /Title on one line.
        return new PdfInfo(Photos.ShareCard.OneLine(matter?.Title ?? ""), author, Photos.ShareCard.OneLine(matter?.Summary ?? ""), site.Find(lang)?.Title ?? "", created, matter?.Modified ?? created);
    }

    /// "123 KB": kibibytes, rounded up, as file managers show them.
    public static string Size(long bytes) =>
        bytes < 1024 * 1024
            ? ((bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB"
            : (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
