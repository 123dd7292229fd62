namespace Generator.Site;

/// input/site.yml.
public sealed record SiteConfig(Uri BaseUrl, string DefaultLanguage, IReadOnlyList<Language> Languages)
{
    public static SiteConfig Default { get; } = new(
        new Uri("https://example.org/"),
        "en",
        [new Language("en", "English", "White Paper Topics"), new Language("ja", "日本語", "白書トピックス")]);

    /// Topics per list page before a list is split into pages (site.yml 'paginate').
    public int PageSize { get; init; } = 20;

    /// The path part of base_url, always ending in '/': "/" or "/repo/".
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    /// site.yml's trusted_html: raw HTML in Markdown is published as written, unsanitized.
    public bool TrustedHtml { get; init; }

    /// site.yml's allowed_assets: files under input/assets/ a browser would run (widget.js,
    /// page.html), published because the site says it trusts them by name ("assets/widget.js").
    public IReadOnlySet<string> AllowedAssets { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// site.yml's max_markdown_mb: the largest Markdown file read.
    public long MaxMarkdownBytes { get; init; } = 16L * 1024 * 1024;

    /// site.yml's max_asset_mb: the largest file under input/assets/ copied.
    public long MaxAssetBytes { get; init; } = 50L * 1024 * 1024;

    /// site.yml's publisher block (issue 15), or null when the site declares none.
    public Publisher? Publisher { get; init; }

    /// site.yml's image_widths: the widths of each photo's derivatives (issue 16), never above the original's.
    public IReadOnlyList<int> ImageWidths { get; init; } = [480, 800, 1200, 1600];

    /// site.yml's publish_originals: the photos' original files are published too (with their metadata).
    public bool PublishOriginals { get; init; }

    /// site.yml's share_cards (issue 15): a topic without a cover gets a drawn link preview
    /// image. On by default; a large site may turn it off (each card is drawn once, then cached).
    public bool ShareCards { get; init; } = true;

    /// site.yml's max_image_megapixels: a photo declaring more pixels is refused before it is decoded.
    public long MaxImagePixels { get; init; } = 100_000_000;

    /// site.yml's search_bundle_pages (issue 18): the most pages one Pagefind run indexes. A
    /// language with more is indexed in bundles of that many, oldest first, one run after the
    /// other, and its search page asks them all: Pagefind's memory grows with the pages of a
    /// run (about a third of a MiB per Japanese page), so this bounds the build's peak.
    public int SearchBundlePages { get; init; } = 2_000;

    /// site.yml's editions (issue 20), by year; an edition it leaves out has no entry.
    public IReadOnlyDictionary<int, Edition> Editions { get; init; } = new Dictionary<int, Edition>();

    /// site.yml's pdf (issue 19): each topic is also published as a PDF (build --pdf turns it on
    /// too). After loading, true only when this build writes them: never in check or preview,
    /// nor without Chromium.
    public bool Pdf { get; init; }

    public Language? Find(string code) => Languages.FirstOrDefault(l => l.Code == code);

    /// A site path ("/en/x/") as an href that respects the base path ("/repo/en/x/"),
    /// percent-encoded ("/en/about%20us/").
    public string Href(string sitePath) => BasePath + SitePaths.Encode(sitePath.TrimStart('/'));

    /// A site path as an absolute URL for canonical links, hreflang, feeds and sitemaps.
    public string AbsoluteUrl(string sitePath) => AbsoluteHref(Href(sitePath));

    /// An href the site wrote ("/repo/assets/x.jpg", base path applied) as an absolute URL,
    /// percent-encoded once; an address elsewhere stays itself ("//host/x" takes the site's scheme).
    public string AbsoluteHref(string href) =>
        href.StartsWith("//", StringComparison.Ordinal) ? $"{BaseUrl.Scheme}:{href}"
        : href.StartsWith('/') ? BaseUrl.GetLeftPart(UriPartial.Authority) + SitePaths.Encode(href)
        : href;
}
