using Generator.Theme;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Generator.Markdown;

/// Headings below the title get a self-link after their text ("#"), named for screen
/// readers ("Link to this section: Background"), so a reader can copy a section's address.
internal sealed class AnchoredHeadingRenderer(Strings strings) : HtmlObjectRenderer<HeadingBlock>
{
    protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
    {
        var tag = "h" + Math.Clamp(heading.Level, 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);
        renderer.EnsureLine();
        renderer.Write('<').Write(tag).WriteAttributes(heading).Write('>');
        renderer.WriteLeafInline(heading);
        if (heading.Level >= 2 && heading.GetAttributes().Id is { Length: > 0 } id)
        {
            var label = strings.TryGet("heading_link", out var text) ? text : "#";
            renderer.Write(" <a class=\"heading-anchor\" href=\"#").WriteEscapeUrl(id).Write("\" aria-label=\"")
                .WriteEscape($"{label}: {HeadingText.Of(heading)}").Write("\">#</a>");
        }

        renderer.Write("</").Write(tag).WriteLine(">");
    }
}
