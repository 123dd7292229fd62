using System.Net;

namespace Generator.Tests.Cli;

// Issue 12 (and issue 13, item 19): `preview` as a user runs it, one test per option. Each
// starts the real process, fetches a page over HTTP and stops it with Ctrl+C.
public sealed class PreviewOptionTests
{
    public static readonly string[] Covers = ["preview", "preview --port", "preview --input", "preview --theme", "preview --future", "preview --cache-dir"];

    // Issue 16: preview serves the page at once and encodes each derivative on its first
    // request, into the cache --cache-dir names, with the bytes a build writes.
    [Fact]
    public async Task Preview_encodes_a_derivative_on_its_first_request_into_the_cache_dir_given()
    {
        using var site = TestSite.Create(CliSites.Small);
        CliSites.AddPhoto(site);
        var cache = Path.Combine(site.Root, "elsewhere/images");
        int Cached(string name) => Directory.Exists(cache) ? Directory.EnumerateFiles(cache, name, SearchOption.AllDirectories).Count() : 0;
        (int Before, HttpStatusCode Status, string? Type, byte[] Bytes, int After, int Others)? served = null;

        var (page, process) = await CliProcess.PreviewAsync(site, ["--port", "0", "--cache-dir", "elsewhere/images"], "en/photo/", then: async http =>
        {
            var before = Cached("64w.avif");
            using var response = await http.GetAsync("assets/images/p-64w.avif");
            served = (before, response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync(),
                Cached("64w.avif"), Cached("64w.webp"));
        });

        TestSite.AssertText(page, "/assets/images/p-64w.avif 64w", "the page with the photo");
        var got = served ?? throw new InvalidOperationException("the derivative was never requested");
        Assert.Equal(0, got.Before); // the page was served before any encoding
        Assert.Equal(HttpStatusCode.OK, got.Status);
        Assert.Equal("image/avif", got.Type);
        Assert.Equal(1, got.After);
        Assert.Equal(0, got.Others); // only the derivative asked for
        Assert.False(Directory.Exists(Path.Combine(site.Root, ".cache")));
        Assert.Equal(0, process.Code);

        var build = CliProcess.Run(site, ["build", "--no-search", "--cache-dir", "built/images"]);
        Assert.True(build.Code == 0, build.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Root, "output/assets/images/p-64w.avif")), got.Bytes);
    }

    [Fact]
    public async Task Preview_serves_on_the_port_given_and_shows_drafts()
    {
        using var site = TestSite.Create(CliSites.Small);
        var port = TestSite.FreeLoopbackPort();

        var (page, process) = await CliProcess.PreviewAsync(site, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], "en/topics/2022/draft/");

        TestSite.AssertText(page, "Draft topic", "the draft in preview");
        TestSite.AssertText(process.Stdout, $"Serving http://127.0.0.1:{port}/", "stdout");
        Assert.Equal(0, process.Code);
    }

    // Outside look: after a save that built, preview said nothing of the warnings check gives.
    [Fact]
    public async Task Preview_prints_the_warnings_a_save_brings()
    {
        using var site = TestSite.Create(CliSites.Small);
        var topic = Path.Combine(site.Root, "input/en/topics/2022/a.md");

        var (_, process) = await CliProcess.PreviewAsync(site, ["--port", "0"], "en/", () => File.AppendAllText(topic, "\nThe set {a=1} is small.\n"), "rebuilt in");

        var afterSave = process.Stdout[process.Stdout.IndexOf("Serving http://", StringComparison.Ordinal)..];
        TestSite.AssertText(afterSave, """
            input/en/topics/2022/a.md(8,9): warning GEN027
            rebuilt in
            warning(s)
            """, "stdout after the save");
    }

    [Fact]
    public async Task Preview_with_port_zero_prints_the_port_it_bound()
    {
        using var site = TestSite.Create(CliSites.Small);

        var (page, process) = await CliProcess.PreviewAsync(site, ["--port", "0"], "en/");

        TestSite.AssertText(page, "Topic A", "home page");
        TestSite.AssertText(process.Stdout, "! Serving http://127.0.0.1:0/", "stdout");
    }

    [Fact]
    public async Task Preview_reads_the_input_and_theme_folders_given()
    {
        using var site = TestSite.Create(CliSites.Small);
        CliSites.Move(site, "input", "content");
        CliSites.Move(site, "theme", "skin");
        CliSites.Write(site, "skin/layouts/topic.liquid", "<p>skin: {{ page.title }}</p>");

        var (page, _) = await CliProcess.PreviewAsync(site, ["--port", "0", "--input", "content", "--theme", "skin"], "en/topics/2022/a/");

        TestSite.AssertText(page, "skin: Topic A", "topic page");
    }

    [Fact]
    public async Task Preview_with_future_shows_scheduled_topics()
    {
        using var site = TestSite.Create(CliSites.Small);

        var (page, _) = await CliProcess.PreviewAsync(site, ["--port", "0", "--future"], "en/topics/2022/later/");

        TestSite.AssertText(page, "Later topic", "scheduled topic");
    }

    public static readonly TheoryData<CliCase> Mistakes = CliCase.Table(
        new(["preview --port"], ["preview", "--port", "80000"], 2, "error GEN042: --port must be between 1 and 65535 (or 0 for any free port), got 80000"),
        new(["preview --port"], ["preview", "--port", "http"], 2, "error GEN042: Cannot parse argument 'http' for option '--port' as a whole number"),
        new(["preview --input"], ["preview", "--input", "/nonexistent"], 2, "error GEN042: --input \"/nonexistent\" does not exist"),
        new(["preview --theme"], ["preview", "--theme", "input/site.yml"], 2, "error GEN042: --theme \"input/site.yml\" is a file"));

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Preview_mistake(CliCase row) => row.Run();
}
