using Generator.Engine;

namespace Generator.Content;

/// One photo of a topic's <c>images</c> list (or a Markdown figure).
public sealed record ImageEntry(string Src, string Alt, string? Caption, string? Credit, SourcePosition At)
{
    /// <c>placeholder: true</c>: the photo is not available. The page shows its number, caption
    /// and credit with a notice, never an image, and leaves it out of JSON-LD and og:image.
    public bool Placeholder { get; init; }
}
