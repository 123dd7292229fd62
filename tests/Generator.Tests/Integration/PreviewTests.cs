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
            <script src="/__preview/reload.js" data-events="/__preview/events?v=1"></script>
            ! <script>
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

    // Issue 13, A.1: the reload script is a file of the preview server, so the theme's
    // script-src 'self' lets it run (the browser test LiveReloadTests proves it does).
    [Fact]
    public async Task The_reload_script_is_served_as_a_file()
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        using var script = await preview.Http.GetAsync("__preview/reload.js");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        TestSite.AssertText(await script.Content.ReadAsStringAsync(), """
            new EventSource(script.dataset.events)
            location.reload()
            """, "reload.js");
    }

    // Issue 13, A.13: a DNS-rebinding page (evil.example resolving to 127.0.0.1) sends its
    // own name as Host; only the loopback names with the server's port are answered.
    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:PORT")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:1")]
    [InlineData("localhost")]
    [InlineData("localhost.:PORT")]
    [InlineData("127.0.0.2:PORT")]
    [InlineData("")]
    public async Task Requests_for_another_host_are_refused(string host)
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        var response = await RawAsync(preview.Port, "GET", "/en/topics/2022/a/", host.Replace("PORT", preview.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(response.Status == "403", $"Host '{host}' answered {response.Status}");
        Assert.DoesNotContain("First version", response.Text);
    }

    [Theory]
    [InlineData("127.0.0.1:PORT")]
    [InlineData("localhost:PORT")]
    [InlineData("LOCALHOST:PORT")]
    [InlineData("[::1]:PORT")]
    public async Task Requests_for_a_loopback_name_with_the_port_are_answered(string host)
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        var response = await RawAsync(preview.Port, "GET", "/en/topics/2022/a/", host.Replace("PORT", preview.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("200", response.Status);
        Assert.Contains("First version.", response.Text);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    public async Task Only_GET_and_HEAD_are_answered(string method)
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        var response = await RawAsync(preview.Port, method, "/en/topics/2022/a/");

        Assert.True(response.Status == "405", $"{method} answered {response.Status}");
        Assert.Contains("Allow: GET, HEAD", response.Headers);
        Assert.DoesNotContain("First version", response.Text);
    }

    [Fact]
    public async Task HEAD_gets_the_headers_of_GET_without_a_body()
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        var head = await RawAsync(preview.Port, "HEAD", "/en/topics/2022/a/");
        var events = await RawAsync(preview.Port, "HEAD", "/__preview/events?v=1");

        Assert.Equal("200", head.Status);
        Assert.Contains("Content-Type: text/html; charset=utf-8", head.Headers);
        Assert.Contains("Content-Length: ", head.Headers);
        Assert.Equal("", head.Text);
        Assert.Equal("200", events.Status);
        Assert.Contains("Content-Type: text/event-stream", events.Headers);
    }

    // Issue 13, A.13: "//en/topics" redirected to "//en/topics/", which a browser reads as
    // the host "en"; every redirect preview makes stays a path on this server.
    [Theory]
    [InlineData("/en/topics", "/en/topics/")]
    [InlineData("//en/topics", "/en/topics/")]
    [InlineData("///en/topics", "/en/topics/")]
    [InlineData("//en/topics?x=1", "/en/topics/?x=1")]
    [InlineData("/en//topics", null)]
    [InlineData("//evil.example/en/topics", null)]
    [InlineData("/%2F/en/topics", null)]
    [InlineData("/%2Fen/topics", null)]
    [InlineData("/%5C/en/topics", null)]
    [InlineData("/%09/en/topics", null)]
    public async Task Redirects_stay_on_the_preview_server(string target, string? location)
    {
        using var site = TestSite.Create(Site);
        await using var preview = await Preview.StartAsync(site);

        var response = await RawAsync(preview.Port, "GET", target);

        var redirect = response.Headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Location: ", StringComparison.OrdinalIgnoreCase))?["Location: ".Length..];
        if (redirect is not null)
            Assert.True(redirect.StartsWith('/') && redirect.Length > 1 && redirect[1] is not ('/' or '\\'), $"{target} redirected to {redirect}");
        Assert.Equal(location, redirect);
    }

    [Fact]
    public void Build_output_never_carries_the_preview_script()
    {
        using var site = TestSite.Build(Site);

        foreach (var file in site.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
            Assert.DoesNotContain("__preview", site.Read(file));
    }

    /// Sends the request target as written: HttpClient would normalize "/../".
    private static async Task<string> RawGetAsync(int port, string target) => (await RawAsync(port, "GET", target)).Status;

    /// One request as written (method, target, Host; null Host is the server's own address).
    /// A response that never ends (an event stream) fails after 30 s instead of hanging.
    private static async Task<(string Status, string Headers, string Text)> RawAsync(int port, string method, string target, string? host = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        await using var stream = client.GetStream();
        host ??= $"127.0.0.1:{port}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), timeout.Token);
        using var reader = new StreamReader(stream);
        string response;
        try
        {
            response = await reader.ReadToEndAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{method} {target}: the response did not end within 30 s");
        }

        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = split < 0 ? response : response[..split];
        var statusLine = headers.Split("\r\n")[0];
        var status = statusLine.Split(' ') is [_, var code, ..] ? code : statusLine;
        return (status, headers, split < 0 ? "" : response[(split + 4)..]);
    }

    internal sealed class Preview : IAsyncDisposable
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
