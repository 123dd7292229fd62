using BenchmarkDotNet.Attributes;
using Generator.Content;
using Generator.Engine;
using Generator.Markdown;
using Generator.Site;
using Generator.Theme;

namespace Generator.Benchmarks;

/// Micro-benchmarks of the per-page hot paths, on one topic of the benchmark corpus:
/// `dotnet run -c Release --project tests/Generator.Benchmarks -- --filter '*HotPaths*'`.
[MemoryDiagnoser]
public class HotPaths
{
    private string folder = "";
    private string text = "";
    private FrontMatterReader reader = null!;
    private MarkdownPages markdown = null!;
    private Strings strings = null!;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("generator-bench-").FullName;
        Corpus.Write(20, folder);
        var file = Directory.EnumerateFiles(Path.Combine(folder, "input", "en"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        text = File.ReadAllText(file);
        var diagnostics = new List<Diagnostic>();
        var site = SiteConfigLoader.Load(Path.Combine(folder, "input", "site.yml"), "input/site.yml", diagnostics);
        reader = new FrontMatterReader(Taxonomy.Load(Path.Combine(folder, "input", "taxonomy.yml"), "input/taxonomy.yml", site, diagnostics));
        markdown = new MarkdownPages(site);
        strings = new Strings("en", "theme/i18n/en.yml", new Dictionary<string, string> { ["figure_label"] = "Photo {n}", ["figure_credit"] = "(Photo: {credit})" });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark]
    public FrontMatter ParseFrontMatter() => reader.Read("input/en/topics/x.md", text, PageKind.Topic, new List<Diagnostic>());

    [Benchmark]
    public RenderedPage RenderMarkdown() =>
        markdown.Render(new PageSource("input/en/topics/x.md", "en/topics/2020/x.md", "/en/topics/2020/x/", text, 2), strings, new List<Diagnostic>());
}

/// A whole build of a 200-topic corpus in memory (check mode: every phase but writing),
/// and with writing: `--filter '*WholeBuild*'`.
[MemoryDiagnoser]
public class WholeBuild
{
    private string folder = "";
    private string theme = "";

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("generator-bench-").FullName;
        Corpus.Write(200, folder);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
                theme = Path.Combine(dir.FullName, "theme");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark]
    public Task<BuildResult> Check() => Build(write: false);

    [Benchmark]
    public Task<BuildResult> BuildAndWrite() => Build(write: true);

    private Task<BuildResult> Build(bool write) => new SiteBuild(new BuildSettings
    {
        InputFolder = Path.Combine(folder, "input"),
        ThemeFolder = theme,
        OutputFolder = write ? Path.Combine(folder, "output") : null,
        DisplayRoot = folder,
        Search = false, // Pagefind is a separate process; these figures are the generator's own
    }).RunAsync();
}
