using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Checks that need every page of every pipeline: the links and images of each Content
/// page, fragments into translated pages, and the publisher's pages.
public static class Validation
{
    private static readonly string[] Checked = [nameof(Content), nameof(Assets), nameof(Archives), nameof(Feeds), nameof(Sitemap), nameof(Search)];

    public static Pipeline Create(SiteBuild build)
    {
        // check (no output) compares with the default branch: a published topic moved without an alias (issue 20).
        var published = build.Settings.OutputFolder is null
            ? Editing.PublishedTopics.Load(build.Settings.InputFolder, build.Settings.DisplayRoot, build.Site)
            : null;
        var pipeline = new Pipeline(nameof(Validation))
        {
            Dependencies = { nameof(Content), nameof(Assets), nameof(Archives), nameof(Feeds), nameof(Sitemap), nameof(Search) },
            PostProcess = { new ReplaceDocuments(nameof(Content)), new CheckLinks(Checked), new CheckTranslatedFragments(), new CheckPublisher(build.Site, Checked) },
        };
        if (published is not null)
            pipeline.PostProcess.Add(new CheckMovedTopics(published));
        return pipeline;
    }
}
