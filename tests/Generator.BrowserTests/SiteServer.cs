using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Generator.BrowserTests;

/// Serves a built site from a folder on a free loopback port, as a static host would:
/// "folder/" serves folder/index.html, and a missing path answers 404 with the site's
/// own 404.html when the build wrote one.
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private SiteServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// The site's root, ending in "/".
    public Uri Address { get; }

    /// <paramref name="basePath"/> is the path part of base_url ("/" or "/repo/"): the site is
    /// served only under it, as GitHub Pages serves a project site.
    public static async Task<SiteServer> StartAsync(string folder, string basePath = "/")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        if (basePath == "/")
            Serve(app, folder);
        else
            app.Map(basePath.TrimEnd('/'), site => Serve(site, folder));
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SiteServer(app, new Uri(address.TrimEnd('/') + basePath));
    }

    private static void Serve(IApplicationBuilder site, string folder)
    {
        var files = new PhysicalFileProvider(folder);
        site.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        // Static hosts serve any file; Pagefind's index files have extensions of their own (.pf_meta, .pagefind).
        site.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream" });
        site.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = Path.Combine(folder, "404.html");
            if (File.Exists(notFound))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }
        });
    }

    public Uri Url(string path) => new(Address, path.TrimStart('/'));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
