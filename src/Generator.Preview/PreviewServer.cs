using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Generator.Preview;

/// Serves a <see cref="PreviewSite"/> with Kestrel on the loopback interface only. HTML
/// responses get the live-reload script (and the error overlay while the last build
/// failed); build output never contains either. A request whose Host is not this server's
/// loopback address is refused with 403 (a DNS-rebinding page in the editor's browser must
/// not read drafts), any method but GET and HEAD gets 405, paths that try to leave the site
/// get 400, unknown ones 404.
public sealed class PreviewServer : IAsyncDisposable
{
    public const string EventsPath = "/__preview/events";

    /// The reload script, served as a file: every page's CSP says script-src 'self', which
    /// refuses an inline script.
    public const string ScriptPath = "/__preview/reload.js";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly byte[] Script = ReadResource("reload.js");
    private static readonly byte[] TranslateStyle = ReadResource("translate.css");
    private readonly WebApplication app;
    private readonly PreviewSite site;
    private string[] hosts = [];

    private PreviewServer(WebApplication app, PreviewSite site)
    {
        this.app = app;
        this.site = site;
    }

    /// The address the server listens on, with the port it bound (also when asked for port 0).
    public Uri Address { get; private set; } = null!;

    public static async Task<PreviewServer> StartAsync(PreviewSite site, int port, CancellationToken cancel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Host.UseConsoleLifetime(options => options.SuppressStatusMessages = true);
        var app = builder.Build();
        var server = new PreviewServer(app, site);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancel).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a).Port).FirstOrDefault() ?? port;
        server.Address = new Uri($"http://127.0.0.1:{bound}/");
        server.hosts = AllowedHosts(bound);
        return server;
    }

    /// The Host headers a browser sends for this server: the loopback names with the port
    /// (without it only for port 80, which browsers leave out).
    private static string[] AllowedHosts(int port)
    {
        string[] names = ["127.0.0.1", "localhost", "[::1]"];
        return [.. names.Select(n => $"{n}:{port}"), .. port == 80 ? names : []];
    }

    public Task StopAsync() => app.StopAsync(TimeSpan.FromSeconds(5));

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var host = context.Request.Headers.Host.ToString();
        if (!hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden,
                $"403: preview answers only requests for {string.Join(", ", hosts)}, not for host '{host}'.\n").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "405: preview only reads (GET, HEAD).\n").ConfigureAwait(false);
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (LeavesSite(raw) || LeavesSite(context.Request.Path.Value ?? ""))
        {
            // A page, not a bare status: it says what happened and where to go instead.
            var translating = raw.StartsWith(TranslationView.Prefix.TrimEnd('/'), StringComparison.Ordinal)
                || (context.Request.Path.Value ?? "").StartsWith(TranslationView.Prefix.TrimEnd('/'), StringComparison.Ordinal);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            await WriteAsync(context, Encoding.UTF8.GetBytes(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bad request</title></head><body>"
                + "<h1>400: this path leaves the site folder</h1><p>Paths with <code>..</code>, <code>.</code> or <code>\\</code> segments are refused. "
                + (translating ? $"<a href=\"{TranslationView.Prefix}\">All translations</a>" : "<a href=\"/\">The site's home</a>") + "</p></body></html>")).ConfigureAwait(false);
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (path == ScriptPath)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await WriteAsync(context, Script).ConfigureAwait(false);
            return;
        }

        if (path == EventsPath)
        {
            if (HttpMethods.IsHead(context.Request.Method))
                context.Response.ContentType = "text/event-stream";
            else
                await EventsAsync(context).ConfigureAwait(false);
            return;
        }

        if (path == TranslationView.StylePath)
        {
            context.Response.ContentType = "text/css; charset=utf-8";
            await WriteAsync(context, TranslateStyle).ConfigureAwait(false);
            return;
        }

        if (path == TranslationView.Prefix.TrimEnd('/') || path.StartsWith(TranslationView.Prefix, StringComparison.Ordinal))
        {
            await TranslationAsync(context, path).ConfigureAwait(false);
            return;
        }

        var files = site.Files;
        var destination = path.TrimStart('/');
        if (destination.Length == 0 || destination.EndsWith('/'))
            destination += "index.html";
        if (!files.TryGetValue(destination, out var file))
        {
            if (files.ContainsKey(destination + "/index.html"))
            {
                // The server's only redirect, to the folder's URL. Built from the site path
                // (leading slashes trimmed), never from the request target, so "//host/x"
                // cannot become a protocol-relative Location that leaves the site (issue 13).
                context.Response.Redirect("/" + destination + "/" + context.Request.QueryString);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            await WriteAsync(context, Encoding.UTF8.GetBytes(PreviewPage.Inject(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>404: nothing is built at {WebUtility.HtmlEncode(path)}</h1></body></html>",
                site))).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(destination, out var type)
            ? type + (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal) ? "; charset=utf-8" : "")
            : "application/octet-stream";
        if (file.OnRequest is { } request && !File.Exists(request.CacheFile) && await site.EncodeAsync(request).ConfigureAwait(false) is { } problem)
        {
            // Preview makes a photo's derivatives when they are first asked for (issue 16), so a
            // photo cut short is found here, not in the build.
            await RefuseAsync(context, StatusCodes.Status500InternalServerError,
                $"500: error {problem.Code}: the photo {Generator.Engine.DisplayPaths.Of(site.DisplayRoot, request.Original)} {problem.Message}\n").ConfigureAwait(false);
            return;
        }

        if (file.Content is { } text)
        {
            var body = destination.EndsWith(".html", StringComparison.Ordinal) ? PreviewPage.Inject(text, site) : text;
            await WriteAsync(context, Encoding.UTF8.GetBytes(body)).ConfigureAwait(false);
        }
        else if (file.SourceFile is { } source && File.Exists(source))
        {
            await context.Response.SendFileAsync(source, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// The translators' pages (<see cref="TranslationView"/>), made from the session's last
    /// build. They show content as text, never as markup: besides encoding every text, the
    /// response allows no inline script and nothing from elsewhere (inline style attributes only, for the error overlay).
    private async Task TranslationAsync(HttpContext context, string path)
    {
        if (!path.EndsWith('/'))
        {
            // A page's file name (…/index.html, as the built site has it) stands for its folder.
            var folder = path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path + "/";
            // The path is decoded: encoded again, so a header holds only ASCII.
            context.Response.Redirect(Generator.Site.SitePaths.Encode(folder));
            return;
        }

        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.ContentType = "text/html; charset=utf-8";
        var page = TranslationView.Render(path[TranslationView.Prefix.Length..], site.Result, site.InputFolder);
        if (page is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            page = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>404: no translation at {WebUtility.HtmlEncode(path)}</h1><p><a href=\"{TranslationView.Prefix}\">All translations</a></p></body></html>";
        }

        await WriteAsync(context, Encoding.UTF8.GetBytes(PreviewPage.Inject(page, site))).ConfigureAwait(false);
    }

    /// Writes a whole body with its length, so HEAD gets the same headers as GET (Kestrel
    /// drops the body of a HEAD response).
    private static Task WriteAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return WriteAsync(context, Encoding.UTF8.GetBytes(message));
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(name + " is not embedded in " + typeof(PreviewServer).Assembly.GetName().Name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// Server-sent events: "reload" whenever a build finishes after the version the page was served with.
    private async Task EventsAsync(HttpContext context)
    {
        var seen = int.TryParse(context.Request.Query["v"], out var v) ? v : site.Version;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var lifetime = app.Lifetime;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await context.Response.WriteAsync("retry: 1000\n\n", stop.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                var next = site.Changed;
                if (site.Version != seen)
                {
                    seen = site.Version;
                    await context.Response.WriteAsync($"event: reload\ndata: {seen}\n\n", stop.Token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                }

                await next.WaitAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab closed or the server is stopping.
        }
    }

    /// True for a request target that climbs out of the site once decoded (twice, to catch
    /// %252e%252e), or that uses a backslash or NUL, which some file systems treat as separators.
    public static bool LeavesSite(string target)
    {
        var query = target.IndexOf('?');
        var path = query < 0 ? target : target[..query];
        for (var i = 0; i < 3; i++)
        {
            if (path.Contains('\\') || path.Contains('\0') || path.Split('/').Any(segment => segment is ".." or "."))
                return true;
            var decoded = Uri.UnescapeDataString(path);
            if (decoded == path)
                break;
            path = decoded;
        }

        return false;
    }
}
