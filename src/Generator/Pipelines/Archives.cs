using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Pages the generator makes from the content: the root language chooser, the lists of
/// every language (all topics, editions, tags) and the bilingual 404 page.
public static class Archives
{
    public static Pipeline Create() => new(nameof(Archives))
    {
        Dependencies = { nameof(Data), nameof(Content), nameof(Catalog) },
        Process =
        {
            new CreateLanguageChooser(),
            new PlanListPages(),
            new CreateListPages(),
            new CreateNotFoundPage(),
        },
        PostProcess = { new RenderLayouts() },
        Output = { new WriteFiles() },
    };
}
