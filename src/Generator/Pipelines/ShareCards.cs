using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// The link preview images of topics without a cover (issue 15), drawn at build time into
/// the photo derivatives' cache and published from it as hard links, as derivatives are.
public static class ShareCards
{
    public static Pipeline Create(SiteBuild build) => new(nameof(ShareCards))
    {
        Dependencies = { nameof(Data), nameof(Content) },
        Process = { new DrawShareCards(new Photos.PhotoCache(build.CacheFolder), build.ShareCardFonts) },
        Output = { new WriteFiles(link: d => d.Metadata.ContainsKey(Keys.FromImageCache)) },
    };
}
