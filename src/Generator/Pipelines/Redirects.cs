using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Redirect pages at the old addresses of moved pages, and the _redirects map (issue 20).
/// After every other pipeline that writes files, so an alias that is the address of any of
/// them (a page, a feed, a citation file, an asset) is caught at its line.
public static class Redirects
{
    private static readonly string[] Written =
        [nameof(Content), nameof(Archives), nameof(Search), nameof(Feeds), nameof(Sitemap), nameof(Citations), nameof(Assets)];

    public static Pipeline Create() => new(nameof(Redirects))
    {
        Dependencies = [nameof(Data), .. Written],
        Process = { new CreateRedirects(Written) },
        Output = { new WriteFiles() },
    };
}
