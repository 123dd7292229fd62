using Generator.Content;
using Generator.Engine;
using Generator.Search;
using Generator.Site;
using Generator.Theme;

namespace Generator;

/// The white-paper site: loads settings, taxonomy and theme, then runs the pipelines.
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

        var site = SiteConfigLoader.Load(Path.Combine(Settings.InputFolder, "site.yml"), DisplayPath("site.yml"), loadDiagnostics);
        Site = settings.BaseUrl is { } baseUrl ? site with { BaseUrl = baseUrl } : site;
        Taxonomy = Taxonomy.Load(Path.Combine(Settings.InputFolder, "taxonomy.yml"), DisplayPath("taxonomy.yml"), Site, loadDiagnostics);
        Theme = ThemeLoader.Load(Settings.ThemeFolder, Settings.DisplayRoot, Site, loadDiagnostics);
        Views = new PageViews(Site, Taxonomy, Theme);
        ImageSizes = new ImageSizes(Settings.InputFolder, Site);
        Indexer = FindIndexer();
    }

    /// Pagefind, when this build writes output for a theme with a search page; null otherwise.
    public Pagefind? Indexer { get; }

    /// Pixel sizes of the input's images, read once per build.
    public ImageSizes ImageSizes { get; }

    public BuildSettings Settings { get; }

    public SiteConfig Site { get; }

    public Taxonomy Taxonomy { get; }

    public Theme.Theme Theme { get; }

    public PageViews Views { get; }

    public IReadOnlyList<Pipeline> Pipelines() =>
    [
        Generator.Pipelines.Content.Create(this),
        Generator.Pipelines.Assets.Create(this),
        Generator.Pipelines.Archives.Create(this),
        Generator.Pipelines.Feeds.Create(this),
        Generator.Pipelines.Sitemap.Create(this),
        Generator.Pipelines.Search.Create(this),
        Generator.Pipelines.Redirects.Create(this),
        Generator.Pipelines.Citations.Create(this),
        Generator.Pipelines.Validation.Create(this),
    ];

    public Task<BuildResult> RunAsync() => RunAsync(null, ChangeSet.Everything);

    /// A build in <paramref name="session"/> (preview): only what <paramref name="changes"/> reach runs again.
    public Task<BuildResult> RunAsync(BuildSession? session, ChangeSet changes) =>
        new Engine.Engine(Pipelines()).RunAsync(
            new EngineOptions
            {
                Session = session,
                Configuration = session is null ? default : configuration.Value,
                OutputFolder = Settings.OutputFolder,
                CancellationToken = Settings.CancellationToken,
                WarningsAsErrors = Settings.WarningsAsErrors,
                BuildTime = Settings.BuildTime ?? DateTimeOffset.UnixEpoch,
                // Indexes the staging folder before the swap: a failed index never reaches the output.
                BeforeCommit = Indexer is { } indexer ? indexer.IndexAsync : null,
            },
            changes,
            loadDiagnostics);

    /// The files this build loaded outside the pipelines (site.yml, taxonomy.yml, the
    /// layouts and interface strings): a change to one of them makes a new SiteBuild.
    public bool Loaded(string path)
    {
        var full = Path.GetFullPath(path);
        return full == Path.Combine(Settings.InputFolder, "site.yml") || full == Path.Combine(Settings.InputFolder, "taxonomy.yml")
            || Under(full, Path.Combine(Settings.ThemeFolder, "layouts")) || Under(full, Path.Combine(Settings.ThemeFolder, "i18n"))
            || Under(Settings.InputFolder, full) || Under(Settings.ThemeFolder, full);
    }

    private static bool Under(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// What the modules were made from besides documents: the settings and the loaded
    /// files' bytes. A session keeps its history only while this stays the same. Made once:
    /// a SiteBuild lives only as long as none of those files changes (SiteSession).
    private Fingerprint Configuration()
    {
        var files = new[] { Path.Combine(Settings.InputFolder, "site.yml"), Path.Combine(Settings.InputFolder, "taxonomy.yml") }
            .Concat(Folder(Path.Combine(Settings.ThemeFolder, "layouts")))
            .Concat(Folder(Path.Combine(Settings.ThemeFolder, "i18n")))
            .Select(f => (f, Bytes(f)))
            .ToList();
        var s = Settings;
        return Fingerprints.Of((s.InputFolder, s.ThemeFolder, s.OutputFolder, s.DisplayRoot, s.BaseUrl, s.IncludeDrafts, s.WarningsAsErrors,
            s.IncludeFuture, s.BuildTime, s.Search, s.PagefindBinary, files));
    }

    /// A file's bytes for the fingerprint; one being saved while it is read (truncated under
    /// the reader) counts as changed, and the loaders report it if it stays unreadable.
    private static string? Bytes(string file)
    {
        try
        {
            return File.Exists(file) ? Convert.ToBase64String(File.ReadAllBytes(file)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable " + Guid.NewGuid().ToString("N");
        }
    }

    private static IEnumerable<string> Folder(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];

    /// Without Node and npm the build could not install Pagefind: every page is still
    /// built, the search pages say search is unavailable, and one warning says why.
    private Pagefind? FindIndexer()
    {
        if (Settings.OutputFolder is null || !Settings.Search || Theme.FindLayout("search") is null)
            return null;
        var binary = Settings.PagefindBinary ?? Pagefind.DefaultBinary;
        if (Pagefind.Find(binary) is { } found)
            return found;
        loadDiagnostics.Add(new Diagnostic(DiagnosticCodes.SearchNotBuilt, Severity.Warning, null,
            $"search was not built: Pagefind is not installed ({binary}); install Node.js and npm, then build again " +
            "(dotnet build runs npm ci in src/Generator/pagefind/), or pass --no-search"));
        return null;
    }

    private string DisplayPath(string name) =>
        DisplayPaths.Of(Settings.DisplayRoot, Path.Combine(Settings.InputFolder, name));
}
