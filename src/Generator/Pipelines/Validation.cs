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
        var pipeline = new Pipeline(nameof(Validation))
        {
            Dependencies = { nameof(Data), nameof(Content), nameof(Assets), nameof(Archives), nameof(Feeds), nameof(Sitemap), nameof(Search) },
            PostProcess = { new ReplaceDocuments(nameof(Content)), new CheckTranslatedFragments(), new CheckLinks(Checked, build.Settings.InputFolder), new CheckPublisher(Checked, build.Settings.InputFolder) },
        };
        // check (no output) compares with the default branch: a published topic moved without an alias (issue 20).
        if (build.Settings.OutputFolder is null)
            pipeline.PostProcess.Add(new CheckMovedTopics(build.Settings.InputFolder, build.Settings.DisplayRoot));
        return pipeline;
    }
}
