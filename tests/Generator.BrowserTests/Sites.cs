using Microsoft.Playwright;

namespace Generator.BrowserTests;

/// Shared by every browser test: the sample site and the inline fixture, each built once
/// into a temp folder and served on its own loopback port, and one Chromium.
public sealed class Sites : IAsyncLifetime
{
    /// Debian's Chromium; GENERATOR_CHROMIUM names another build of Chromium.
    public static string ChromiumPath => Environment.GetEnvironmentVariable("GENERATOR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly string temp = Directory.CreateTempSubdirectory("generator-browser-").FullName;
    private IPlaywright? playwright;

    public BuiltSite Sample { get; private set; } = null!;

    public BuiltSite Fixture { get; private set; } = null!;

    public SiteServer SampleServer { get; private set; } = null!;

    public SiteServer FixtureServer { get; private set; } = null!;

    /// The golden-query fixture for search (issue 7), with its Pagefind index.
    public BuiltSite Search { get; private set; } = null!;

    public SiteServer SearchServer { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// Where screenshots go: TestResults/ beside the test project (git-ignored).
    public static string Artifacts => Path.Combine(BuiltSite.RepositoryRoot(), "tests", "Generator.BrowserTests", "TestResults", "artifacts");

    public async Task InitializeAsync()
    {
        Sample = await BuiltSite.BuildSampleAsync(Path.Combine(temp, "sample"));
        Fixture = await BuiltSite.BuildInlineAsync(FixtureSite.Files, Path.Combine(temp, "fixture"), FixtureSite.WritePhotos);
        SampleServer = await SiteServer.StartAsync(Sample.Output, Sample.BasePath);
        FixtureServer = await SiteServer.StartAsync(Fixture.Output, Fixture.BasePath);
        Search = await BuiltSite.BuildInlineAsync(SearchSite.Files, Path.Combine(temp, "search"));
        SearchServer = await SiteServer.StartAsync(Search.Output, Search.BasePath);
        (playwright, Browser) = await LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        playwright?.Dispose();
        if (SampleServer is not null)
            await SampleServer.DisposeAsync();
        if (FixtureServer is not null)
            await FixtureServer.DisposeAsync();
        if (SearchServer is not null)
            await SearchServer.DisposeAsync();
        try
        {
            Directory.Delete(temp, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// A page in a fresh context. The locale matches no language of the site, so the
    /// root chooser stays put instead of following the browser's language.
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string locale = "fr-FR", bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    // Debian's Chromium, never a downloaded browser. The background-networking flags keep
    // Chromium from dialling out (refused on a closed network, and noise in any case).
    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        const string install = "install it with: apt-get install -y chromium fonts-noto-cjk (or run bash tests/run.sh, which does)";
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}; {install}");

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                ],
            });
            return (playwright, browser);
        }
        catch (PlaywrightException e)
        {
            playwright.Dispose();
            throw new InvalidOperationException($"Chromium at {ChromiumPath} could not start; {install}.\n{e.Message}", e);
        }
    }
}
