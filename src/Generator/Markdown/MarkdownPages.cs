using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

/// Markdown → HTML for pages: one Markdig pipeline for the whole build; links resolved
/// and rewritten for the base path; captioned images numbered as figures.
public sealed class MarkdownPages(SiteConfig site, ImageSizes sizes)
{
    /// CommonMark plus pipe tables, footnotes, GitHub-style heading ids and generic attributes.
    /// The whole file is parsed (front matter included) so positions stay file-relative.
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseFootnotes()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseGenericAttributes()
        .Build();

    private readonly SafeHtml? safeHtml = site.TrustedHtml ? null : new SafeHtml();

    public RenderedPage Render(PageSource page, Strings strings, ICollection<Diagnostic> diagnostics)
    {
        if (NestingDepth.FirstTooDeep(page.Markdown) is { } deep)
        {
            diagnostics.Add(TooDeep(new SourcePosition(page.Source, deep.Line, deep.Column)));
            return new RenderedPage("", [], [], []);
        }

        if (safeHtml is not null && NestingDepth.FirstHtmlTooDeep(page.Markdown) is { } htmlIndex)
        {
            var (line, column) = NestingDepth.Position(page.Markdown, htmlIndex);
            diagnostics.Add(HtmlTooDeep(new SourcePosition(page.Source, line, column)));
            return new RenderedPage("", [], [], []);
        }

        try
        {
            return RenderChecked(page, strings, diagnostics);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit (nesting by indentation, emphasis inside emphasis):
            // Markdig gives no position, so the page is reported as a whole.
            diagnostics.Add(TooDeep(new SourcePosition(page.Source, 1, 1)));
            return new RenderedPage("", [], [], []);
        }
    }

    private RenderedPage RenderChecked(PageSource page, Strings strings, ICollection<Diagnostic> diagnostics)
    {
        var document = Markdig.Markdown.Parse(page.Markdown, pipeline);
        var links = new List<LinkReference>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            var at = new SourcePosition(page.Source, link.Line + 1, link.Column + 1); // Markdig is 0-based
            if (link.IsImage && string.IsNullOrWhiteSpace(AltText(link)))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingAltText, Severity.Error, at,
                    "image has no alt text; describe what it shows between the brackets: ![Foreign Minister delivering a video message](…)"));
            }

            if (link.Url is not { } url || SitePaths.Resolve(url, page.Url, page.RelativePath) is not { } resolved)
                continue;
            if (resolved.Target is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LinkOutsideSite, Severity.Error, at,
                    $"'{url}' climbs above the site root; write a path from the site root such as /en/topics/2022/human-security/"));
                continue;
            }

            links.Add(new LinkReference(resolved.Target, url, link.IsImage, at));
            link.Url = site.Href(resolved.Target) + resolved.Suffix;
            link.GetDynamicUrl = null;
        }

        var needsCleaning = safeHtml is not null && SafeHtml.Check(document, page.Source, diagnostics);
        var figures = NumberFigures(document, page.FirstFigureNumber, strings);
        CheckHeadingLevels(document, page.Source, diagnostics);
        var headings = document.Descendants<HeadingBlock>().Where(h => h.Level >= 2).ToList();
        // A table of contents only pays for itself from three headings on (Docusaurus shows it always; we do not).
        IReadOnlyList<TocEntry> toc = headings.Count >= 3
            ? [.. headings.Where(h => h.Level <= 3 && h.GetAttributes().Id is { Length: > 0 })
                .Select(h => new TocEntry(h.Level, HeadingText.Of(h), h.GetAttributes().Id!))]
            : [];
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer(figures));
        renderer.ObjectRenderers.Replace<HeadingRenderer>(new AnchoredHeadingRenderer(strings));
        renderer.ObjectRenderers.Replace<Markdig.Extensions.Tables.HtmlTableRenderer>(new ScrollingTableRenderer(strings));
        renderer.Render(document);
        writer.Flush();
        var html = writer.ToString();
        if (needsCleaning && NestingDepth.FirstHtmlTooDeep(html) is not null)
        {
            diagnostics.Add(HtmlTooDeep(new SourcePosition(page.Source, 1, 1))); // only the rendering nests that deep
            return new RenderedPage("", [], [], []);
        }

        return new RenderedPage(needsCleaning ? safeHtml!.Clean(html) : html, links, [.. figures.Values.OrderBy(f => f.Number)], toc);
    }

    /// Too deep a nesting is refused before Markdig sees it (with the marker's position).
    private static Diagnostic HtmlTooDeep(SourcePosition at) =>
        new(DiagnosticCodes.NestingTooDeep, Severity.Error, at,
            $"HTML elements are nested more than {NestingDepth.HtmlLimit} levels deep; flatten them");

    private static Diagnostic TooDeep(SourcePosition at) =>
        new(DiagnosticCodes.NestingTooDeep, Severity.Error, at,
            $"lists, quotes or emphasis are nested too deeply (the limit is {NestingDepth.Limit} levels); flatten them");

    private Dictionary<ParagraphBlock, Figure> NumberFigures(MarkdownDocument document, int first, Strings strings)
    {
        var figures = new Dictionary<ParagraphBlock, Figure>();
        var number = first;
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (FigureFinder.LoneImage(paragraph) is not { } image)
                continue;
            var credit = FigureFinder.Credit(image);
            if (string.IsNullOrEmpty(image.Title) && credit is null)
                continue;
            figures[paragraph] = Figures.Make(number++, image.Url ?? "", AltText(image), image.Title, credit, strings).WithSize(sizes.Of(image.Url ?? ""));
        }

        return figures;
    }

    /// The page title is the only h1, and screen reader users navigate by heading level:
    /// a body that starts at '#' or jumps from '##' to '####' is reported (as a warning).
    private static void CheckHeadingLevels(MarkdownDocument document, string source, ICollection<Diagnostic> diagnostics)
    {
        var previous = 1;
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var at = new SourcePosition(source, heading.Line + 1, heading.Column + 1); // Markdig is 0-based
            if (heading.Level == 1)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.SecondTopHeading, Severity.Warning, at,
                    "the page title is already the page's heading; start sections at level 2: '## " + HeadingText.Of(heading) + "'"));
            }
            else if (heading.Level > previous + 1)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.SkippedHeadingLevel, Severity.Warning, at,
                    $"heading level {heading.Level} follows level {previous}; write '{new string('#', previous + 1)} {HeadingText.Of(heading)}' so no level is skipped"));
            }

            previous = heading.Level;
        }
    }

    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}

/// What a page gives the Markdown renderer.
public sealed record PageSource(string Source, string RelativePath, string Url, string Markdown, int FirstFigureNumber);

public sealed record RenderedPage(string Html, IReadOnlyList<LinkReference> Links, IReadOnlyList<Figure> Figures, IReadOnlyList<TocEntry> Toc);
