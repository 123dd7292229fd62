using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;

namespace Generator;

/// The white-paper site: loads settings, taxonomy and theme, then runs the pipelines.
public sealed class SiteBuild
{
    private readonly List<Diagnostic> loadDiagnostics = [];

    public SiteBuild(BuildSettings settings)
    {
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

        var site = SiteConfigLoader.Load(Path.Combine(Settings.InputFolder, "site.yml"), DisplayPath("site.yml"), loadDiagnostics);
        Site = settings.BaseUrl is { } baseUrl ? site with { BaseUrl = baseUrl } : site;
        Taxonomy = Taxonomy.Load(Path.Combine(Settings.InputFolder, "taxonomy.yml"), DisplayPath("taxonomy.yml"), Site, loadDiagnostics);
        Theme = ThemeLoader.Load(Settings.ThemeFolder, Settings.DisplayRoot, Site, loadDiagnostics);
        Views = new PageViews(Site, Taxonomy, Theme);
        ImageSizes = new ImageSizes(Settings.InputFolder, Site);
    }

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
        Generator.Pipelines.Validation.Create(),
    ];

    public Task<BuildResult> RunAsync() =>
        new Engine.Engine(Pipelines()).RunAsync(
            new EngineOptions
            {
                OutputFolder = Settings.OutputFolder,
                CancellationToken = Settings.CancellationToken,
                BuildTime = Settings.BuildTime ?? DateTimeOffset.UnixEpoch,
            },
            loadDiagnostics);

    private string DisplayPath(string name) =>
        DisplayPaths.Of(Settings.DisplayRoot, Path.Combine(Settings.InputFolder, name));
}
