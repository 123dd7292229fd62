using System.Net;
using System.Net.Sockets;
using System.Text;
using Generator.Preview;

namespace Generator.Tests.Integration;

// Issue 4: preview is a real Kestrel server on a free loopback port that rebuilds on a
// saved change, reloads open pages, shows build errors over the last good pages, and
// refuses paths that leave the site.
public sealed class PreviewTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: S
        date: 2022-01-01
        ---
        First version.
        -- input/en/topics/2022/draft.md --
        ---
        title: Draft topic
        summary: S
        date: 2022-01-01
        draft: true
        ---
        """;

    [Fact]
    public async Task A_saved_edit_is_served_after_the_rebuild_and_open_pages_are_told_to_reload()
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        var page = await preview.Http.GetStringAsync("en/topics/2022/a/");
        TestSite.AssertText(page, """
            First version.
            <script>/* preview only
            EventSource('/__preview/events?v=1')
            """, "served page");
        using var events = await preview.Http.GetStreamAsync("__preview/events?v=1");
        using var reader = new StreamReader(events);
        Assert.Equal("retry: 1000", await reader.ReadLineAsync());

        site.Edit("""
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-01-01
            ---
            Second version.
            """);

        Assert.Equal("", await reader.ReadLineAsync());
        Assert.Equal("event: reload", await reader.ReadLineAsync());
        TestSite.AssertText(await preview.Http.GetStringAsync("en/topics/2022/a/"), """
            Second version.
            ! First version.
            """, "page after the rebuild");
    }

    [Fact]
    public async Task A_broken_edit_shows_the_errors_over_the_last_good_page()
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);
        var version = preview.Site.Version;

        site.Edit("""
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-13-01
            ---
            Broken version.
            """);
        await preview.WaitForBuildAfterAsync(version);

        var page = await preview.Http.GetStringAsync("en/topics/2022/a/");
        TestSite.AssertText(page, """
            <div id="preview-errors" role="alert"
            The build failed.
            input/en/topics/2022/a.md(4,7): error GEN012: &#39;date&#39; must be YYYY-MM-DD, got &quot;2022-13-01&quot;
            First version.
            ! Broken version.
            """, "page after a broken edit");
    }

    [Fact]
    public async Task Drafts_are_previewed_with_a_banner_and_unknown_paths_get_404()
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        TestSite.AssertText(await preview.Http.GetStringAsync("en/topics/2022/draft/"), "draft-banner", "draft");
        Assert.Equal(HttpStatusCode.NotFound, (await preview.Http.GetAsync("en/topics/2022/none/")).StatusCode);
        var css = await preview.Http.GetAsync("assets/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("__preview", await css.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/../input/site.yml")]
    [InlineData("/en/../../input/site.yml")]
    [InlineData("/%2e%2e/input/site.yml")]
    [InlineData("/%2E%2E%2Finput%2Fsite.yml")]
    [InlineData("/%252e%252e/input/site.yml")]
    [InlineData("/..%5cinput%5csite.yml")]
    public async Task Paths_that_leave_the_site_are_refused(string target)
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        var status = await RawGetAsync(preview.Port, target);

        Assert.True(status == "400", $"{target} answered {status}");
    }

    // Issue 8, item 6: malformed requests get a 4xx, never a page or a server error.
    [Theory]
    [InlineData("/%ff%fe/index.html")]
    [InlineData("/en/%00.html")]
    [InlineData("/en/%c0%ae%c0%ae/input/site.yml")]
    [InlineData("LONG")]
    public async Task Malformed_requests_are_answered_with_a_client_error(string target)
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);
        if (target == "LONG")
            target = "/" + new string('a', 20_000);

        var status = await RawGetAsync(preview.Port, target);

        Assert.True(status.Length == 3 && status[0] == '4', $"{target[..Math.Min(40, target.Length)]} answered {status}");
    }

    [Fact]
    public void Build_output_never_carries_the_preview_script()
    {
        using var site = TestSite.Build(Site);

        foreach (var file in site.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
            Assert.DoesNotContain("__preview", site.Read(file));
    }

    /// Sends the request target as written: HttpClient would normalize "/../".
    private static async Task<string> RawGetAsync(int port, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        var statusLine = await reader.ReadLineAsync() ?? "";
        return statusLine.Split(' ') is [_, var code, ..] ? code : statusLine;
    }

    private sealed class Preview : IAsyncDisposable
    {
        private readonly SourceWatcher watcher;
        private readonly PreviewServer server;

        private Preview(PreviewSite site, PreviewServer server, SourceWatcher watcher, int port)
        {
            Site = site;
            this.server = server;
            this.watcher = watcher;
            Port = port;
            Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        }

        public PreviewSite Site { get; }

        public int Port { get; }

        public HttpClient Http { get; }

        public static async Task<Preview> StartAsync(TestSite testSite)
        {
            var port = TestSite.FreeLoopbackPort();
            var settings = testSite.Settings(write: false) with { IncludeDrafts = true, BaseUrl = new Uri($"http://127.0.0.1:{port}/") };
            var site = new PreviewSite(settings);
            await site.RebuildAsync(CancellationToken.None);
            var server = await PreviewServer.StartAsync(site, port, CancellationToken.None);
            var watcher = new SourceWatcher([settings.InputFolder, settings.ThemeFolder], TimeSpan.FromMilliseconds(50),
                paths => site.UpdateAsync(paths, CancellationToken.None).GetAwaiter().GetResult());
            return new Preview(site, server, watcher, port);
        }

        /// Waits (up to 30 s, a hang guard, not a speed assertion) for a build after <paramref name="version"/>.
        public async Task WaitForBuildAfterAsync(int version)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Site.Version <= version)
            {
                var next = Site.Changed;
                if (Site.Version > version)
                    break;
                Assert.True(DateTime.UtcNow < deadline, "no rebuild within 30 s of the edit");
                await Task.WhenAny(next, Task.Delay(500));
            }
        }

        public async ValueTask DisposeAsync()
        {
            watcher.Dispose();
            Http.Dispose();
            await server.DisposeAsync();
        }
    }
}
