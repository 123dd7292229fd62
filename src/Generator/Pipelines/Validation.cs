using Generator.Engine;
using Generator.Modules;

namespace Generator.Pipelines;

/// Checks that need every page of every pipeline: links, images, the publisher's pages.
public static class Validation
{
    private static readonly string[] Checked = [nameof(Content), nameof(Assets), nameof(Archives), nameof(Feeds), nameof(Sitemap), nameof(Search)];

    public static Pipeline Create(SiteBuild build) => new(nameof(Validation))
    {
        Dependencies = { nameof(Content), nameof(Assets), nameof(Archives), nameof(Feeds), nameof(Sitemap), nameof(Search) },
        PostProcess = { new CheckLinks(Checked), new CheckPublisher(build.Site, Checked) },
    };
}
