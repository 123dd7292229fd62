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
public sealed class MarkdownPages(SiteConfig site)
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
            return new RenderedPage("", [], []);
        }

        if (safeHtml is not null && NestingDepth.FirstHtmlTooDeep(page.Markdown) is { } htmlIndex)
        {
            var (line, column) = NestingDepth.Position(page.Markdown, htmlIndex);
            diagnostics.Add(HtmlTooDeep(new SourcePosition(page.Source, line, column)));
            return new RenderedPage("", [], []);
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
            return new RenderedPage("", [], []);
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

        if (safeHtml is not null)
            SafeHtml.Check(document, page.Source, diagnostics);
        var figures = NumberFigures(document, page.FirstFigureNumber, strings);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer(figures));
        renderer.Render(document);
        writer.Flush();
        var html = writer.ToString();
        if (safeHtml is not null && NestingDepth.FirstHtmlTooDeep(html) is not null)
        {
            diagnostics.Add(HtmlTooDeep(new SourcePosition(page.Source, 1, 1))); // only the rendering nests that deep
            return new RenderedPage("", [], []);
        }

        return new RenderedPage(safeHtml?.Clean(html) ?? html, links, [.. figures.Values.OrderBy(f => f.Number)]);
    }

    /// Too deep a nesting is refused before Markdig sees it (with the marker's position).
    private static Diagnostic HtmlTooDeep(SourcePosition at) =>
        new(DiagnosticCodes.NestingTooDeep, Severity.Error, at,
            $"HTML elements are nested more than {NestingDepth.HtmlLimit} levels deep; flatten them");

    private static Diagnostic TooDeep(SourcePosition at) =>
        new(DiagnosticCodes.NestingTooDeep, Severity.Error, at,
            $"lists, quotes or emphasis are nested too deeply (the limit is {NestingDepth.Limit} levels); flatten them");

    private static Dictionary<ParagraphBlock, Figure> NumberFigures(MarkdownDocument document, int first, Strings strings)
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
            figures[paragraph] = Figures.Make(number++, image.Url ?? "", AltText(image), image.Title, credit, strings);
        }

        return figures;
    }

    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}

/// What a page gives the Markdown renderer.
public sealed record PageSource(string Source, string RelativePath, string Url, string Markdown, int FirstFigureNumber);

public sealed record RenderedPage(string Html, IReadOnlyList<LinkReference> Links, IReadOnlyList<Figure> Figures);
