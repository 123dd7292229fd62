using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Pages the generator makes from the content: the root language chooser, the lists of
/// every language (all topics, editions, tags) and the bilingual 404 page.
public static class Archives
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Archives))
    {
        Dependencies = { nameof(Content) },
        Process =
        {
            new CreateLanguageChooser(build.Site),
            new CreateListPages(build.Site, build.Taxonomy, build.Theme, build.Views),
            new CreateNotFoundPage(build.Site, build.Theme),
        },
        PostProcess = { new RenderLayouts(build.Theme, build.Views) },
        Output = { new WriteFiles() },
    };
}
