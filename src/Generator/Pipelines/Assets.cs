using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Language-neutral files: input/assets/ (photos) and theme/assets/ (CSS, scripts),
/// copied as they are under /assets/. Hidden files (.gitkeep) are not published; the
/// input's files are checked first: names, size, and nothing a browser would run (issue 13).
/// The photos the pages show are published as their derivatives (issue 16), made after the
/// Content pipeline has said which they are; their originals only with publish_originals.
public static class Assets
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Assets))
    {
        Dependencies = { nameof(Data), nameof(Content) },
        Input =
        {
            new ReadFiles(Path.Combine(build.Settings.InputFolder, "assets"), build.Settings.DisplayRoot, NotHidden, readContent: false,
                limit: context => new FileSizeLimit(SiteData.Site(context).MaxAssetBytes, "a file under input/assets/", "max_asset_mb")),
            new CheckFileNames(),
            new CheckAssets(),
            new PlaceFiles("assets/"),
            new ReadFiles(Path.Combine(build.Settings.ThemeFolder, "assets"), build.Settings.DisplayRoot, NotHidden, readContent: false),
            new PlaceFiles("assets/"),
        },
        Process =
        [
            new CollectPhotos(),
            new EncodePhotos(new Photos.PhotoCache(build.Settings.CacheFolder ?? Photos.PhotoCache.DefaultFor(build.Settings.InputFolder))),
            new PublishDerivatives(),
        ],
        Output = { new WriteFiles() },
    };

    private static bool NotHidden(string relative) =>
        !relative.StartsWith('.') && !relative.Contains("/.", StringComparison.Ordinal);
}
