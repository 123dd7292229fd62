using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// sitemap.xml (every page, with its existing translations as alternates) and robots.txt.
public static class Sitemap
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Sitemap))
    {
        Dependencies = { nameof(Content), nameof(Archives), nameof(Search) },
        Process = { new CreateSitemap(build.Site, [nameof(Content), nameof(Archives), nameof(Search)]) },
        Output = { new WriteFiles() },
    };
}
