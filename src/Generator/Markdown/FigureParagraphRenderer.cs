using Generator.Content;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

/// Renders a paragraph that holds only a captioned image as a numbered figure; every
/// other paragraph as Markdig would.
internal sealed class FigureParagraphRenderer(IReadOnlyDictionary<ParagraphBlock, Figure> figures) : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
    {
        if (!figures.TryGetValue(paragraph, out var figure))
        {
            base.Write(renderer, paragraph);
            return;
        }

        var image = FigureFinder.LoneImage(paragraph)!;
        renderer.EnsureLine();
        renderer.Write("<figure class=\"figure\" id=\"").WriteEscape(figure.Id).Write("\">");
        renderer.Write("<img src=\"").WriteEscapeUrl(image.GetDynamicUrl?.Invoke() ?? image.Url).Write("\" alt=\"").WriteEscape(figure.Alt).Write('"');
        if (image.TryGetAttributes() is { } attributes)
        {
            var rest = new HtmlAttributes { Id = attributes.Id, Classes = attributes.Classes };
            foreach (var property in attributes.Properties ?? [])
            {
                if (property.Key != FigureFinder.CreditAttribute)
                    rest.AddProperty(property.Key, property.Value ?? "");
            }

            renderer.WriteAttributes(rest);
        }

        var sized = image.TryGetAttributes()?.Properties?.Any(p => p.Key is "width" or "height") == true;
        if (!sized && figure.Width is { } width && figure.Height is { } height)
            renderer.Write(" width=\"").Write(width.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Write("\" height=\"").Write(height.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write('"');

        // The page's first figure is likely above the fold: load it at once, the others lazily.
        renderer.Write(figure.Number == 1 ? "><figcaption>" : " loading=\"lazy\"><figcaption>");
        renderer.Write("<span class=\"figure-label\">").WriteEscape(figure.Label).Write("</span>");
        if (!string.IsNullOrEmpty(figure.Caption))
            renderer.Write(' ').WriteEscape(figure.Caption);
        if (!string.IsNullOrEmpty(figure.CreditText))
            renderer.Write(figure.CreditSeparator).Write("<span class=\"figure-credit\">").WriteEscape(figure.CreditText).Write("</span>");
        renderer.Write("</figcaption></figure>").WriteLine();
    }
}

/// Finds the paragraphs that are figures: a lone image with a title (the caption) or a
/// credit attribute: <c>![alt](src "caption"){credit="UNDP"}</c>.
internal static class FigureFinder
{
    public const string CreditAttribute = "credit";

    public static LinkInline? LoneImage(ParagraphBlock paragraph)
    {
        LinkInline? image = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } link when image is null:
                    image = link;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }

        return image;
    }

    public static string? Credit(LinkInline image) =>
        image.TryGetAttributes()?.Properties?.FirstOrDefault(p => p.Key == CreditAttribute).Value;
}
