using System.Globalization;
using Generator.Content;

namespace Generator.Photos;

/// The one place a figure's image element is written (the layouts' front matter photos and
/// the Markdown renderer's figures): a &lt;picture&gt; with a &lt;source type srcset sizes&gt;
/// per modern format and an &lt;img&gt; of the fallback format, or a plain &lt;img&gt; for an
/// image without derivatives. The first photo of a page has fetchpriority="high"; the others
/// load lazily and decode off the main thread.
public static class PhotoMarkup
{
    /// <paramref name="attributes"/>: extra attributes written by the editor ({.wide}),
    /// as HTML starting with a space; <paramref name="sized"/>: they set width or height.
    public static string Html(Figure figure, string? attributes, bool sized)
    {
        var html = new System.Text.StringBuilder(256);
        var picture = figure.Picture;
        if (picture is not null)
        {
            html.Append("<picture>");
            foreach (var source in picture.Sources.Take(picture.Sources.Count - 1))
            {
                html.Append("<source type=\"").Append(source.Type).Append("\" srcset=\"").Append(Escape(source.SrcSet))
                    .Append("\" sizes=\"").Append(Escape(picture.Sizes)).Append("\">");
            }
        }

        html.Append("<img src=\"").Append(Escape(figure.Src)).Append('"');
        if (picture is not null)
            html.Append(" srcset=\"").Append(Escape(picture.Sources[^1].SrcSet)).Append("\" sizes=\"").Append(Escape(picture.Sizes)).Append('"');
        html.Append(" alt=\"").Append(Escape(figure.Alt)).Append('"');
        html.Append(attributes);
        var width = picture?.Width ?? figure.Width;
        var height = picture?.Height ?? figure.Height;
        if (!sized && width is { } w && height is { } h)
            html.Append(" width=\"").Append(w.ToString(CultureInfo.InvariantCulture)).Append("\" height=\"").Append(h.ToString(CultureInfo.InvariantCulture)).Append('"');
        html.Append(figure.Eager ? " fetchpriority=\"high\">" : " loading=\"lazy\" decoding=\"async\">");
        if (picture is not null)
            html.Append("</picture>");
        return html.ToString();
    }

    /// A value escaped for an attribute, only what HTML needs: Japanese alt text stays as it
    /// is (as Markdig's WriteEscape does).
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
