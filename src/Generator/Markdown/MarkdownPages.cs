using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

/// Markdown → HTML for pages: one Markdig pipeline for the whole build; links resolved
/// and rewritten for the base path; captioned images numbered as figures.
public sealed class MarkdownPages(SiteConfig site)
{
    /// The interface strings rendering shows (figure labels and credits, table and heading link labels).
    public static readonly IReadOnlyList<string> Strings = ["figure_label", "figure_credit", "table_label", "heading_link", "photo_placeholder"];

    /// CommonMark plus pipe tables, footnotes, GitHub-style heading ids, what editors type
    /// from GitHub (~~strikethrough~~, "- [x]" task lists, bare www. and https:// links) and
    /// generic attributes (last, as Markdig asks). The whole file is parsed (front matter
    /// included) so positions stay file-relative.
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseFootnotes()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseGenericAttributes()
        .Use<AttachedAttributes>()
        .Build();

    private readonly SafeHtml? safeHtml = site.TrustedHtml ? null : new SafeHtml();

    /// <paramref name="dress"/> gives each figure its photo's derivatives (RenderMarkdown, issue 16).
    public RenderedPage Render(PageSource page, Strings strings, ICollection<Diagnostic> diagnostics, Func<Figure, Figure>? dress = null)
    {
        if (NestingDepth.FirstTooDeep(page.Markdown) is { } deep)
        {
            diagnostics.Add(TooDeep(new SourcePosition(page.Source, deep.Line, deep.Column)));
            return new RenderedPage("", [], [], []);
        }

        if (LinkDefinitions.FirstBeyondLimit(page.Markdown) is { } many)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.TooManyLinkDefinitions, Severity.Error, new SourcePosition(page.Source, many.Line, many.Column),
                $"more than {LinkDefinitions.Limit} link reference definitions ('[label]: url') in one page; write the links inline, [text](/en/topics/2022/x/), or split the page"));
            return new RenderedPage("", [], [], []);
        }

        if (HeadingCount.FirstBeyondLimit(page.Markdown) is { } headings)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.TooManyHeadings, Severity.Error, new SourcePosition(page.Source, headings.Line, headings.Column),
                $"more than {HeadingCount.Limit} headings in one page; split the page, or write the repeated lines as text or a list"));
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
            return RenderChecked(page, strings, diagnostics, dress);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit (brackets or emphasis inside each other): Markdig
            // gives no position, so the deepest run of openers is named.
            var (line, column) = NestingDepth.Position(page.Markdown, NestingDepth.DeepestOpeners(page.Markdown));
            diagnostics.Add(TooDeep(new SourcePosition(page.Source, line, column)));
            return new RenderedPage("", [], [], []);
        }
    }

    /// The ids of a page's headings as this pipeline makes them, in order, without
    /// rendering: what a translation's headings take (issue 17).
    public IReadOnlyList<SectionId> SectionIds(string markdown)
    {
        if (NestingDepth.FirstTooDeep(markdown) is not null || HeadingCount.FirstBeyondLimit(markdown) is not null)
            return []; // refused with an error when the page itself renders
        try
        {
            return SectionIdsOf(Markdig.Markdown.Parse(markdown, pipeline), markdown);
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    private static List<SectionId> SectionIdsOf(MarkdownDocument document, string markdown) =>
        [.. document.Descendants<HeadingBlock>().Select(h => new SectionId(h.Level, h.GetAttributes().Id ?? "", HeadingText.HasExplicitId(h, markdown)))];

    /// A translation's headings take their original's ids, paired by level and order, so
    /// /ja/…/#background is the same section as /en/…/#background. A heading with its own
    /// {#id} keeps it; one the original does not have keeps the id of its own text.
    private static void FollowOriginal(MarkdownDocument document, string markdown, IReadOnlyList<SectionId> original)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        var (same, _) = StructureAlignment.Of(
            [.. original.Select(o => o.Level.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [.. headings.Select(h => h.Level.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var taken = headings.Where(h => HeadingText.HasExplicitId(h, markdown)).Select(h => h.GetAttributes().Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (index, originalIndex) in same.OrderBy(p => p.Key))
        {
            var heading = headings[index];
            var id = original[originalIndex].Id;
            if (id.Length == 0 || HeadingText.HasExplicitId(heading, markdown) || !taken.Add(id))
                continue;
            heading.GetAttributes().Id = id;
        }
    }

    private RenderedPage RenderChecked(PageSource page, Strings strings, ICollection<Diagnostic> diagnostics, Func<Figure, Figure>? dress)
    {
        var document = Markdig.Markdown.Parse(page.Markdown, pipeline);
        SetextLines.Mend(document, page.Markdown);
        if (page.OriginalSections is { Count: > 0 } originalSections)
            FollowOriginal(document, page.Markdown, originalSections);
        foreach (var (line, column, text) in AttachedAttributes.ShownAsText(document, page.Markdown))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.BracesShownAsText, Severity.Warning, new SourcePosition(page.Source, line + 1, column + 1), // Markdig is 0-based
                $"'{Shorten(text)}' is shown as text: attributes apply only right after a link or image, or at the end of a heading or paragraph; write \\{{ to show a brace without this warning"));
        }

        var links = new PageLinks(site, page, diagnostics);
        links.CheckMarkdown(document);
        if (page.Markdown.Contains('<'))
            links.CheckRawHtml(document);

        var needsCleaning = safeHtml is not null && SafeHtml.Check(document, page.Source, diagnostics);
        var figures = NumberFigures(document, page, strings, dress);
        var inline = DressInlineImages(document, page, figures, dress);
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
        renderer.ObjectRenderers.Replace<Markdig.Renderers.Html.Inlines.LinkInlineRenderer>(new InlinePhotoRenderer(inline));
        renderer.ObjectRenderers.Replace<HeadingRenderer>(new AnchoredHeadingRenderer(strings));
        renderer.ObjectRenderers.Replace<Markdig.Extensions.Tables.HtmlTableRenderer>(new ScrollingTableRenderer(strings));
        renderer.ObjectRenderers.Replace<Markdig.Extensions.TaskLists.HtmlTaskListRenderer>(new TaskCheckboxRenderer());
        renderer.Render(document);
        writer.Flush();
        var html = writer.ToString();
        if (needsCleaning && NestingDepth.FirstHtmlTooDeep(html) is not null)
        {
            diagnostics.Add(HtmlTooDeep(new SourcePosition(page.Source, 1, 1))); // only the rendering nests that deep
            return new RenderedPage("", [], [], []);
        }

        return new RenderedPage(needsCleaning ? safeHtml!.Clean(html) : html, links.Found, [.. figures.Values.OrderBy(f => f.Number)], toc, SectionIdsOf(document, page.Markdown))
        {
            InlineImages = [.. inline.Values],
        };
    }

    /// Too deep a nesting is refused before Markdig sees it (with the marker's position).
    private static Diagnostic HtmlTooDeep(SourcePosition at) =>
        new(DiagnosticCodes.NestingTooDeep, Severity.Error, at,
            $"HTML elements are nested more than {NestingDepth.HtmlLimit} levels deep; flatten them");

    private static Diagnostic TooDeep(SourcePosition at) =>
        new(DiagnosticCodes.NestingTooDeep, Severity.Error, at,
            $"lists, quotes or emphasis are nested too deeply (the limit is {NestingDepth.Limit} levels); flatten them");

    private Dictionary<ParagraphBlock, Figure> NumberFigures(MarkdownDocument document, PageSource page, Strings strings, Func<Figure, Figure>? dress)
    {
        var figures = new Dictionary<ParagraphBlock, Figure>();
        var number = page.FirstFigureNumber;
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (FigureFinder.LoneImage(paragraph) is not { } image)
                continue;
            var credit = FigureFinder.Credit(image);
            if (string.IsNullOrEmpty(image.Title) && credit is null)
                continue;
            var figure = Figures.Make(number++, image.Url ?? "", AltText(image), image.Title, credit, strings)
                with { At = new SourcePosition(page.Source, image.Line + 1, image.Column + 1), Eager = number == 2 }; // Markdig is 0-based
            figures[paragraph] = dress is null ? figure : dress(figure);
        }

        return figures;
    }

    /// Every other image of the body (in a sentence, a link, a table), dressed by the same step
    /// as the figures (issue 16, outside look): a photo gets its derivatives and its checks
    /// (damaged, disguised, too many pixels), any other image its file's width and height.
    /// Unnumbered: only a figure is "Photo n".
    private static Dictionary<LinkInline, Figure> DressInlineImages(MarkdownDocument document, PageSource page, Dictionary<ParagraphBlock, Figure> figures, Func<Figure, Figure>? dress)
    {
        var inline = new Dictionary<LinkInline, Figure>();
        if (dress is null)
            return inline;
        var inFigures = figures.Keys.Select(FigureFinder.LoneImage).OfType<LinkInline>().ToHashSet();
        foreach (var image in document.Descendants<LinkInline>())
        {
            if (!image.IsImage || inFigures.Contains(image) || string.IsNullOrEmpty(image.Url))
                continue;
            var figure = new Figure(0, "", image.Url, AltText(image), null, null, null, "")
                with { At = new SourcePosition(page.Source, image.Line + 1, image.Column + 1) }; // Markdig is 0-based
            inline[image] = dress(figure);
        }

        return inline;
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

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string AltText(LinkInline image) => PageLinks.AltText(image);
}

/// What a page gives the Markdown renderer.
/// <paramref name="OriginalSections"/>: on a translation, its original's heading ids to follow.
public sealed record PageSource(string Source, string RelativePath, string Url, string Markdown, int FirstFigureNumber, IReadOnlyList<SectionId>? OriginalSections = null);

public sealed record RenderedPage(string Html, IReadOnlyList<LinkReference> Links, IReadOnlyList<Figure> Figures, IReadOnlyList<TocEntry> Toc, IReadOnlyList<SectionId>? Sections = null)
{
    /// The images of the body that are not figures, dressed as figures are (unnumbered).
    public IReadOnlyList<Figure> InlineImages { get; init; } = [];
}
