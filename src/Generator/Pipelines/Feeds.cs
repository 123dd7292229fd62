using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// An Atom feed per language.
public static class Feeds
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Feeds))
    {
        Dependencies = { nameof(Content) },
        Process = { new CreateFeeds(build.Site, build.Taxonomy, build.Theme) },
        Output = { new WriteFiles() },
    };
}
