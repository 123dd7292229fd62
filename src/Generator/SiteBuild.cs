using Generator.Content;
using Generator.Engine;
using Generator.Search;
using Generator.Site;
using Generator.Theme;

namespace Generator;

/// The white-paper site: its pipelines, the first of which (Data) loads settings, taxonomy and theme.
public sealed class SiteBuild
{
    private readonly List<Diagnostic> loadDiagnostics = [];

    private readonly Lazy<Fingerprint> configuration;

    public SiteBuild(BuildSettings settings)
    {
        configuration = new Lazy<Fingerprint>(Configuration);
        Settings = settings with
        {
            InputFolder = Path.GetFullPath(settings.InputFolder),
            ThemeFolder = Path.GetFullPath(settings.ThemeFolder),
            DisplayRoot = Path.GetFullPath(settings.DisplayRoot),
        };
        if (!Directory.Exists(Settings.InputFolder))
        {
            loadDiagnostics.Add(new Diagnostic(DiagnosticCodes.SiteConfig, Severity.Error, null,
                $"the input folder '{settings.InputFolder}' does not exist; pass the folder that holds site.yml with --input"));
        }

        if (Settings.OutputFolder is { } output && OutputFolder.Problem(output, Settings.InputFolder, Settings.ThemeFolder, Settings.DisplayRoot) is { } problem)
        {
            loadDiagnostics.Add(new Diagnostic(DiagnosticCodes.OutputWrite, Severity.Error, null, problem));
            Settings = Settings with { OutputFolder = null };
        }

        CacheFolder = Path.GetFullPath(Settings.CacheFolder ?? Photos.PhotoCache.DefaultFor(Settings.InputFolder));
        ImageSizes = new ImageSizes(Settings.InputFolder, new Photos.OriginalStamps(CacheFolder));
        MinorCommits = new Editing.MinorCommits(Settings.InputFolder);
        ShareCardFonts = new Photos.ShareCardFonts(Settings.FontFolders ?? Photos.ShareCardFonts.SystemFolders);
        Indexer = FindIndexer();
    }

    /// Pagefind, when this build writes output with search on; null otherwise.
    public Pagefind? Indexer { get; }

    /// The Pagefind binary that was not found, when search was wanted (the search pages say so).
    public string? MissingIndexer { get; private set; }

    /// Commits that say an original's change needs no retranslation (read only for stale translations).
    public Editing.MinorCommits MinorCommits { get; }

    /// Pixel sizes of the input's images, read once per build.
    public ImageSizes ImageSizes { get; }

    /// The build's cache (`--cache-dir`, else .cache/images/ beside the input folder): the
    /// photos' derivatives, the search bundles, the PDFs and the written files.
    public string CacheFolder { get; }

    /// The folder of the cache that holds the files earlier builds wrote (<see cref="WrittenFiles"/>).
    public const string WrittenFilesFolder = "written";

    public BuildSettings Settings { get; }

    /// The fonts share cards are drawn with (none found: no cards, one warning).
    public Photos.ShareCardFonts ShareCardFonts { get; }

    public IReadOnlyList<Pipeline> Pipelines() =>
    [
        Generator.Pipelines.Data.Create(this),
        Generator.Pipelines.Content.Create(this),
        Generator.Pipelines.Catalog.Create(),
        Generator.Pipelines.Assets.Create(this),
        Generator.Pipelines.Archives.Create(),
        Generator.Pipelines.Feeds.Create(),
        Generator.Pipelines.Sitemap.Create(),
        Generator.Pipelines.Search.Create(this),
        Generator.Pipelines.Redirects.Create(),
        Generator.Pipelines.Citations.Create(),
        Generator.Pipelines.ShareCards.Create(this),
        Generator.Pipelines.Validation.Create(this),
    ];

    public Task<BuildResult> RunAsync() => RunAsync(null, ChangeSet.Everything);

    /// A build in <paramref name="session"/> (preview): only what <paramref name="changes"/> reach runs again.
    public Task<BuildResult> RunAsync(BuildSession? session, ChangeSet changes, CancellationToken? cancel = null) =>
        new Engine.Engine(Pipelines()).RunAsync(
            new EngineOptions
            {
                Session = session,
                Configuration = configuration.Value,
                // An incremental build goes on from the last one's results, kept in the cache.
                Results = session is null && Settings.Incremental && !Settings.TemporaryCache ? new ResultsFile(Path.Combine(CacheFolder, ResultsFolder), Version) : null,
                OutputFolder = Settings.OutputFolder,
                CancellationToken = cancel ?? Settings.CancellationToken,
                WarningsAsErrors = Settings.WarningsAsErrors,
                WrittenFiles = new WrittenFiles(Path.Combine(CacheFolder, WrittenFilesFolder)),
                BuildTime = Settings.BuildTime ?? DateTimeOffset.UnixEpoch,
                // PDFs, then the search index, over the staging folder before the swap: a failed
                // step never reaches the output.
                BeforeCommit = BeforeCommitAsync,
            },
            changes,
            loadDiagnostics);

    /// The folder of the cache that holds the results of the last builds (<see cref="ResultsFile"/>).
    public const string ResultsFolder = "results";

    /// The generator's own build (its assemblies and the libraries' versions): results another build kept are not used.
    public static Fingerprint Version { get; } = Fingerprints.Of(string.Join('|',
        new[] { typeof(SiteBuild).Assembly, typeof(Engine.Engine).Assembly }.Select(a => a.ManifestModule.ModuleVersionId.ToString())
            .Concat(typeof(SiteBuild).Assembly.GetReferencedAssemblies().Select(a => a.FullName).Order(StringComparer.Ordinal))));

    /// What the modules were made from besides documents: the settings. A session keeps its
    /// history only while they stay the same; the files the Data pipeline loads are
    /// recorded reads like any other, and so is the build's date (<see cref="BuildContext.Today"/>).
    private Fingerprint Configuration()
    {
        var s = Settings;
        return Fingerprints.Of((s.InputFolder, s.ThemeFolder, s.OutputFolder, s.DisplayRoot, s.BaseUrl, s.IncludeDrafts, s.WarningsAsErrors,
            s.IncludeFuture, s.BuildTime is null, s.Search, s.PagefindBinary, s.Pdf, s.PdfBrowser, CacheFolder, s.EncodeOnRequest, s.AbsentPhotosAsPlaceholders,
            string.Join('|', ShareCardFonts.Folders), ShareCardFonts.Available ? ShareCardFonts.Stamp : ""));
    }

    /// Pagefind, when this build writes output with search on and the binary is there.
    private Pagefind? FindIndexer()
    {
        if (Settings.OutputFolder is null || !Settings.Search)
            return null;
        var binary = Settings.PagefindBinary ?? Pagefind.DefaultBinary;
        if (Pagefind.Find(binary) is { } found)
            return found;
        MissingIndexer = binary;
        return null;
    }

    private async Task<IReadOnlyList<Diagnostic>> BeforeCommitAsync(
        string stagingFolder, IReadOnlyDictionary<string, IReadOnlyList<Document>> outputs, CancellationToken cancel)
    {
        var step = new Pdf.PdfStep(Settings.PdfBrowser ?? Pdf.PdfStep.DefaultBrowser, CacheFolder, Settings.PdfStartTimeout);
        LastPdfs = step;
        var pdfs = await step.RunAsync(stagingFolder, outputs, cancel).ConfigureAwait(false);
        if (pdfs.Any(d => d.IsError) || Indexer is not { } indexer)
            return pdfs;
        LastSearch = await IndexAsync(indexer, stagingFolder, outputs, new SearchCache(CacheFolder), cancel).ConfigureAwait(false);
        return [.. pdfs, .. LastSearch.Diagnostics];
    }

    /// The PDF step of the last build that wrote output: how many PDFs it printed and reused.
    public Pdf.PdfStep? LastPdfs { get; private set; }

    /// The search index of the last build that made one: how many bundles Pagefind indexed and reused.
    public SearchIndexing? LastSearch { get; private set; }

    /// Indexes the staging folder for each language the build wrote a search page for (a
    /// theme without search.liquid gets none, and no index).
    private static async Task<SearchIndexing> IndexAsync(
        Pagefind indexer, string stagingFolder, IReadOnlyDictionary<string, IReadOnlyList<Document>> outputs, SearchCache cache, CancellationToken cancel)
    {
        if (!outputs.TryGetValue(nameof(Generator.Pipelines.Data), out var data) || SiteData.Site(data) is not { } site)
            return new([], 0, 0);
        var languages = site.Languages.Select(l => l.Code)
            .Where(code => File.Exists(Path.Combine(stagingFolder, SitePaths.Destination(ListUrls.Search(code)))))
            .ToList();
        if (languages.Count == 0)
            return new([], 0, 0);
        var bundles = SearchBundles.Plan(outputs.Values.SelectMany(d => d), languages, site.SearchBundlePages);
        return await indexer.IndexAsync(stagingFolder, languages, bundles, cache, cancel).ConfigureAwait(false);
    }
}
