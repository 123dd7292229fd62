using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// sitemap.xml (every page, with its existing translations as alternates) and robots.txt.
public static class Sitemap
{
    public static Pipeline Create() => new(nameof(Sitemap))
    {
        Dependencies = { nameof(Data), nameof(Content), nameof(Archives), nameof(Search) },
        Process = { new CreateSitemap([nameof(Content), nameof(Archives), nameof(Search)]) },
        Output = { new WriteFiles() },
    };
}
