using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Checks that need every page of every pipeline: the links and images of each Content
/// page, and fragments into translated pages.
public static class Validation
{
    public static Pipeline Create() => new(nameof(Validation))
    {
        Dependencies = { nameof(Content), nameof(Assets), nameof(Archives), nameof(Feeds), nameof(Sitemap), nameof(Search) },
        PostProcess = { new ReplaceDocuments(nameof(Content)), new CheckLinks([nameof(Content), nameof(Assets), nameof(Archives), nameof(Feeds), nameof(Sitemap), nameof(Search)]), new CheckTranslatedFragments() },
    };
}
