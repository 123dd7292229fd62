using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// Topics and pages in every language: read, validate, pair, render, lay out, write.
public static class Content
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Content))
    {
        Dependencies = { nameof(Data) },
        Input =
        {
            new ReadFiles(build.Settings.InputFolder, build.Settings.DisplayRoot,
                path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("assets/", StringComparison.Ordinal)
                    && !CheckFileNames.IsEditorLock(path),
                limit: context => new FileSizeLimit(SiteData.Site(context).MaxMarkdownBytes, "a Markdown file", "max_markdown_mb")),
            new ReadFiles(build.Settings.InputFolder, build.Settings.DisplayRoot,
                path => !ReportNonMarkdown.IsMarkdown(path) && path.Contains('/') && !path.StartsWith("assets/", StringComparison.Ordinal)
                    && !path.Contains("/.", StringComparison.Ordinal) && !Assets.IsLanguageFolderPhoto(path)
                    && !Photos.CacheTag.IsInTaggedFolder(build.Settings.InputFolder, path),
                readContent: false),
        },
        Process =
        [
            new ReportNonMarkdown(),
            new CheckFileNames(),
            new StripUnprintable(),
            new ClassifyPages(),
            new ParseFrontMatter(build.Settings.IncludeDrafts, reportDrafts: build.Settings.OutputFolder is null,
                datedChanges: !build.Settings.IncludeFuture && build.Settings.BuildTime is not null),
            new FindScaffoldText(),
            new AddMissingHomes(),
            new LeaveOutScheduled(build.Settings.IncludeFuture || build.Settings.BuildTime is null, report: build.Settings.OutputFolder is null),
            new PairTranslations(build.Settings.InputFolder),
            new SetTopicOrder(),
            new LinkTopics(),
            new NameTopicLinks(),
            new LinkEditions(build.Settings.InputFolder),
            // check and preview report every stale translation, so each original's fingerprint
            // is made page by page (kept between a session's builds); build makes only those it needs.
            .. build.Settings.OutputFolder is null ? [new FingerprintOriginals()] : Array.Empty<IModule>(),
            new CompareTranslations(build.Settings.InputFolder, report: build.Settings.OutputFolder is null, build.MinorCommits),
            // check and preview warn about terminology in translations (glossary.yml, issue 17).
            .. build.Settings.OutputFolder is null ? [new CheckGlossary()] : Array.Empty<IModule>(),
            // A translation's headings take their original's ids (issue 17).
            new FindSectionIds(),
            new ShareSectionIds(),
            new RenderMarkdown(build.ImageSizes, build.Settings.AbsentPhotosAsPlaceholders),
            new PlanShareCards(build.ShareCardFonts.Available),
        ],
        PostProcess = { new RenderLayouts() },
        Output = { new WriteFiles() },
    };
}
