using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Markdown;
using Generator.Modules;

namespace Generator.Pipelines;

/// Topics and pages in every language: read, validate, pair, render, lay out, write.
public static class Content
{
    public static Pipeline Create(SiteBuild build)
    {
        var markdown = new MarkdownPages(build.Site, build.ImageSizes);
        return Create(build, markdown);
    }

    private static Pipeline Create(SiteBuild build, MarkdownPages markdown) => new(nameof(Content))
    {
        Input =
        {
            new ReadFiles(build.Settings.InputFolder, build.Settings.DisplayRoot,
                path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("assets/", StringComparison.Ordinal)
                    && !CheckFileNames.IsEditorLock(path),
                limit: new FileSizeLimit(build.Site.MaxMarkdownBytes, "a Markdown file", "max_markdown_mb")),
            new ReadFiles(build.Settings.InputFolder, build.Settings.DisplayRoot,
                path => !ReportNonMarkdown.IsMarkdown(path) && path.Contains('/') && !path.StartsWith("assets/", StringComparison.Ordinal)
                    && !path.Contains("/.", StringComparison.Ordinal),
                readContent: false),
        },
        Process =
        [
            new ReportNonMarkdown(),
            new CheckFileNames(),
            new StripUnprintable(),
            new ClassifyPages(build.Site),
            new ParseFrontMatter(new FrontMatterReader(build.Taxonomy), build.Settings.IncludeDrafts, reportDrafts: build.Settings.OutputFolder is null,
                datedChanges: !build.Settings.IncludeFuture && build.Settings.BuildTime is not null),
            new FindScaffoldText(),
            new AddMissingHomes(build.Site),
            new LeaveOutScheduled(build.Site, build.Settings.IncludeFuture || build.Settings.BuildTime is null, report: build.Settings.OutputFolder is null),
            new PairTranslations(build.Site),
            new SetTopicOrder(),
            new LinkTopics(),
            new NameTopicLinks(),
            new LinkEditions(build.Site),
            // check and preview report every stale translation, so each original's fingerprint
            // is made page by page (kept between a session's builds); build makes only those it needs.
            .. build.Settings.OutputFolder is null ? [new FingerprintOriginals(build.Site)] : Array.Empty<IModule>(),
            new CompareTranslations(build.Site, report: build.Settings.OutputFolder is null),
            // A translation's headings take their original's ids (issue 17).
            new FindSectionIds(build.Site, markdown),
            new ShareSectionIds(build.Site),
            new RenderMarkdown(markdown, build.Site, build.Theme, build.ImageSizes),
        ],
        PostProcess = { new RenderLayouts(build.Theme, build.Views) },
        Output = { new WriteFiles() },
    };
}
