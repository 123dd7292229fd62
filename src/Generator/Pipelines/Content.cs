using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Markdown;
using Generator.Modules;

namespace Generator.Pipelines;

/// Topics and pages in every language: read, validate, pair, render, lay out, write.
public static class Content
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Content))
    {
        Input =
        {
            new ReadFiles(build.Settings.InputFolder, build.Settings.DisplayRoot,
                path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("assets/", StringComparison.Ordinal)
                    && !CheckFileNames.IsEditorLock(path),
                snapshot: build.Settings.Snapshot,
                limit: new FileSizeLimit(build.Site.MaxMarkdownBytes, "a Markdown file", "max_markdown_mb")),
            new ReadFiles(build.Settings.InputFolder, build.Settings.DisplayRoot,
                path => !ReportNonMarkdown.IsMarkdown(path) && path.Contains('/') && !path.StartsWith("assets/", StringComparison.Ordinal)
                    && !path.Contains("/.", StringComparison.Ordinal),
                readContent: false, build.Settings.Snapshot),
        },
        Process =
        {
            new ReportNonMarkdown(),
            new CheckFileNames(),
            new StripUnprintable(),
            new ClassifyPages(build.Site),
            new ParseFrontMatter(new FrontMatterReader(build.Taxonomy), build.Settings.IncludeDrafts, build.Settings.RenderMemo, reportDrafts: build.Settings.OutputFolder is null),
            new FindScaffoldText(),
            new AddMissingHomes(build.Site),
            new LeaveOutScheduled(build.Site, build.Settings.IncludeFuture || build.Settings.BuildTime is null, report: build.Settings.OutputFolder is null),
            new PairTranslations(build.Site),
            new LinkTopics(build.Settings.RenderMemo),
            new CompareTranslations(build.Site, report: build.Settings.OutputFolder is null, build.Settings.RenderMemo),
            new RenderMarkdown(new MarkdownPages(build.Site, build.ImageSizes), build.Site, build.Theme, build.ImageSizes, build.Settings.RenderMemo),
        },
        PostProcess = { new RenderLayouts(build.Theme, build.Views, build.Settings.RenderMemo) },
        Output = { new WriteFiles() },
    };
}
