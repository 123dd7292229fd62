using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Pages the generator makes from the content: the root language chooser.
public static class Archives
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Archives))
    {
        Dependencies = { nameof(Content) },
        Process = { new CreateLanguageChooser(build.Site) },
        PostProcess = { new RenderLayouts(build.Theme, build.Views, build.Settings.RenderMemo) },
        Output = { new WriteFiles() },
    };
}
