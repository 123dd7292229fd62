using Generator.Content;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

/// Renders an image that is not a figure (inside a sentence, a link or a table) with the
/// element a figure's image has: the photo's &lt;picture&gt; of derivatives, or an &lt;img&gt; with
/// its file's width and height (issue 16, outside look: such images skipped every photo
/// check, so a damaged or oversized one was published as it was). The figure it was dressed
/// as comes from the same <c>dress</c> step as the numbered figures.
internal sealed class InlinePhotoRenderer(IReadOnlyDictionary<LinkInline, Figure> images) : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (!link.IsImage || !images.TryGetValue(link, out var figure) || !renderer.EnableHtmlForInline)
        {
            base.Write(renderer, link);
            return;
        }

        var title = string.IsNullOrEmpty(link.Title) ? null : " title=\"" + Photos.PhotoMarkup.Escape(link.Title) + "\"";
        renderer.Write(FigureFinder.Photo(link, figure, title));
    }
}
