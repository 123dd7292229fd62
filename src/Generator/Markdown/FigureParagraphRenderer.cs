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
        if (figure.Placeholder)
        {
            // As topic.liquid writes a placeholder photo: no image, the caption, credit and notice.
            renderer.Write("<figure class=\"figure figure-placeholder\" id=\"").WriteEscape(figure.Id).Write("\">");
            WriteCaption(renderer, figure, figure.PlaceholderNotice);
            return;
        }

        renderer.Write("<figure class=\"figure\" id=\"").WriteEscape(figure.Id).Write("\">");
        renderer.Write(FigureFinder.Photo(image, figure));
        WriteCaption(renderer, figure, notice: null);
    }

    private static void WriteCaption(HtmlRenderer renderer, Figure figure, string? notice)
    {
        // Search quotes the body, never a caption (issue 15): the layout indexes captions apart.
        renderer.Write("<figcaption data-pagefind-ignore>");
        renderer.Write("<span class=\"figure-label\">").WriteEscape(figure.Label).Write("</span>");
        if (!string.IsNullOrEmpty(figure.Caption))
            renderer.Write(' ').WriteEscape(figure.Caption);
        if (!string.IsNullOrEmpty(figure.CreditText))
            renderer.Write(figure.CreditSeparator).Write("<span class=\"figure-credit\">").WriteEscape(figure.CreditText).Write("</span>");
        if (notice is not null)
            renderer.Write("<span class=\"figure-notice\">").WriteEscape(notice).Write("</span>");
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

    /// The element of a Markdown image dressed as <paramref name="figure"/>: the same as the
    /// layouts write for the front matter's photos (issue 16), its derivatives' &lt;picture&gt;
    /// or the image as written, with the editor's attributes after <paramref name="before"/>.
    public static string Photo(LinkInline image, Figure figure, string? before = null)
    {
        var (extra, sized) = EditorAttributes(image);
        return Photos.PhotoMarkup.Html(figure with { Src = figure.Picture is null ? image.GetDynamicUrl?.Invoke() ?? image.Url ?? "" : figure.Src }, before + extra, sized);
    }

    /// The attributes an editor wrote on the image ({.wide}, {width=…}) but the credit, as HTML
    /// starting with a space (or null), and whether they set the width or height.
    private static (string? Html, bool Sized) EditorAttributes(LinkInline image)
    {
        if (image.TryGetAttributes() is not { } attributes)
            return (null, false);
        var rest = new HtmlAttributes { Id = attributes.Id, Classes = attributes.Classes };
        foreach (var property in attributes.Properties ?? [])
        {
            if (property.Key != CreditAttribute)
                rest.AddProperty(property.Key, property.Value ?? "");
        }

        using var written = new StringWriter();
        new HtmlRenderer(written).WriteAttributes(rest);
        return (written.ToString(), attributes.Properties?.Any(p => p.Key is "width" or "height") == true);
    }

    public static string? Credit(LinkInline image) =>
        image.TryGetAttributes()?.Properties?.FirstOrDefault(p => p.Key == CreditAttribute).Value;
}
