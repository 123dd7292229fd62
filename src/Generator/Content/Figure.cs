namespace Generator.Content;

/// A numbered photo: "Photo 1" with its caption and "Photo: UNDP".
public sealed record Figure(int Number, string Label, string Src, string Alt, string? Caption, string? Credit, string? CreditText, string Id)
{
    /// The image's pixel size when it could be read (see <see cref="ImageSizes"/>).
    public int? Width { get; init; }
    public int? Height { get; init; }

    /// The photo is not available (<see cref="ImageEntry.Placeholder"/>): no image is shown.
    public bool Placeholder { get; init; }

    /// The notice a placeholder the Markdown renderer writes carries (the layout has its own string).
    public string? PlaceholderNotice { get; init; }

    /// Where the page names the photo (front matter src, or the Markdown image).
    public Engine.SourcePosition? At { get; init; }

    /// The page's first photo shown: loaded at once with high priority, the others lazily (issue 16).
    public bool Eager { get; init; }

    /// The photo's derivatives (AVIF, WebP and the original's format in several widths), or
    /// null for an image shown as it is (SVG, GIF, an https:// address, a photo that failed).
    public Photos.Picture? Picture { get; init; }

    /// The &lt;picture&gt; or &lt;img&gt; element, as the layout and the Markdown renderer both write it.
    public string ImageHtml => Photos.PhotoMarkup.Html(this, null, sized: false);

    /// What goes before the credit: a space, or nothing when the credit opens with full-width
    /// punctuation (「（写真：UNDP）」 carries its own space, JLReq 3.1.4), so one rule serves
    /// every language and both the layout and the Markdown renderer.
    public string CreditSeparator => CreditText is { Length: > 0 } text && IsFullWidthOpening(text[0]) ? "" : " ";

    private static bool IsFullWidthOpening(char c) => c is '（' or '「' or '『' or '【' or '〔' or '［' or '〈' or '《' or '｛';

    public Figure WithSize((int Width, int Height)? size) => size is { } s ? this with { Width = s.Width, Height = s.Height } : this;
}
