using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Language-neutral files: input/assets/ (photos) and theme/assets/ (CSS, scripts),
/// copied as they are under /assets/. Hidden files (.gitkeep) are not published; the
/// input's files are checked first: names, size, and nothing a browser would run (issue 13).
/// The photos the pages show are published as their derivatives (issue 16), made after the
/// Content pipeline has said which they are; their originals only with publish_originals.
/// Photos in language folders (input/en/topics/2022/well.jpg) are read here too, and
/// published only as derivatives of the pages that show them.
public static class Assets
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Assets))
    {
        Dependencies = { nameof(Data), nameof(Content) },
        Input =
        {
            new ReadFiles(Path.Combine(build.Settings.InputFolder, "assets"), build.Settings.DisplayRoot,
                relative => NotHidden(relative) && !Photos.CacheTag.IsInTaggedFolder(Path.Combine(build.Settings.InputFolder, "assets"), relative), readContent: false,
                limit: context => Limit(context, "a file under input/assets/")),
            new CheckFileNames(),
            new CheckAssets(),
            new PlaceFiles("assets/"),
            new ReadFiles(Path.Combine(build.Settings.ThemeFolder, "assets"), build.Settings.DisplayRoot, NotHidden, readContent: false),
            new PlaceFiles("assets/"),
            new ReadFiles(build.Settings.InputFolder, build.Settings.DisplayRoot,
                relative => IsLanguageFolderPhoto(relative) && !Photos.CacheTag.IsInTaggedFolder(build.Settings.InputFolder, relative), readContent: false,
                limit: context => Limit(context, "a photo")),
            new PlaceFiles(""),
        },
        Process =
        [
            new CollectPhotos(Path.Combine(build.Settings.InputFolder, "assets")),
            new EncodePhotos(new Photos.PhotoCache(build.CacheFolder), build.ImageSizes, build.Settings.EncodeOnRequest),
            new PublishDerivatives(),
        ],
        // A derivative is a hard link to the cache's file where both are on one file system.
        Output = { new WriteFiles(link: d => d.Metadata.ContainsKey(Keys.FromImageCache)) },
    };

    /// A JPEG, PNG or WebP in a folder of input/ other than assets/ (a language folder),
    /// not hidden: read by this pipeline, not by Content's.
    public static bool IsLanguageFolderPhoto(string relative) =>
        relative.Contains('/') && !relative.StartsWith("assets/", StringComparison.Ordinal) && NotHidden(relative)
        && Photos.PhotoFormat.OfExtension(relative) is not null;

    private static FileSizeLimit Limit(BuildContext context, string kind) =>
        new(SiteData.Site(context).MaxAssetBytes, kind, "max_asset_mb");

    private static bool NotHidden(string relative) =>
        !relative.StartsWith('.') && !relative.Contains("/.", StringComparison.Ordinal);
}
