using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Generator.Preview;

/// Serves a <see cref="PreviewSite"/> with Kestrel on the loopback interface only. HTML
/// responses get the live-reload script (and the error overlay while the last build
/// failed); build output never contains either. Paths that try to leave the site are
/// refused with 400, unknown ones get 404.
public sealed class PreviewServer : IAsyncDisposable
{
    public const string EventsPath = "/__preview/events";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly WebApplication app;
    private readonly PreviewSite site;

    private PreviewServer(WebApplication app, PreviewSite site, int port)
    {
        this.app = app;
        this.site = site;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    public static async Task<PreviewServer> StartAsync(PreviewSite site, int port, CancellationToken cancel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Host.UseConsoleLifetime(options => options.SuppressStatusMessages = true);
        var app = builder.Build();
        var server = new PreviewServer(app, site, port);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancel).ConfigureAwait(false);
        return server;
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
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (LeavesSite(raw) || LeavesSite(context.Request.Path.Value ?? ""))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("400: this path leaves the site folder.\n").ConfigureAwait(false);
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (path == EventsPath)
        {
            await EventsAsync(context).ConfigureAwait(false);
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
                context.Response.Redirect(path + "/" + context.Request.QueryString);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(PreviewPage.Inject(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>404: nothing is built at {WebUtility.HtmlEncode(path)}</h1></body></html>",
                site)).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(destination, out var type)
            ? type + (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal) ? "; charset=utf-8" : "")
            : "application/octet-stream";
        if (file.Content is { } text)
        {
            var body = destination.EndsWith(".html", StringComparison.Ordinal) ? PreviewPage.Inject(text, site) : text;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted).ConfigureAwait(false);
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
