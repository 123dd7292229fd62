using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Language-neutral files: input/assets/ (photos) and theme/assets/ (CSS, scripts),
/// copied as they are under /assets/.
public static class Assets
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Assets))
    {
        Input =
        {
            new ReadFiles(Path.Combine(build.Settings.InputFolder, "assets"), build.Settings.DisplayRoot, _ => true, readContent: false, build.Settings.Snapshot),
            new PlaceFiles("assets/"),
            new ReadFiles(Path.Combine(build.Settings.ThemeFolder, "assets"), build.Settings.DisplayRoot, _ => true, readContent: false, build.Settings.Snapshot),
            new PlaceFiles("assets/"),
        },
        Output = { new WriteFiles() },
    };
}
