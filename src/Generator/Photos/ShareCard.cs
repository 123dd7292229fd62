namespace Generator.Photos;

/// The link preview image of a topic without a cover (issue 15): what the card shows, in
/// the page's language, and the site path it is published at. Equal when every value is,
/// so a title edit makes a new card and a body edit does not.
public sealed record ShareCard(string Path, string Lang, string Title, string? Series, string Publisher)
{
    public const int Width = 1200;
    public const int Height = 630;

    /// Beside the topic's page: /en/topics/2022/human-security/ → /en/topics/2022/human-security/share-card.png.
    public static string PathOf(string pageUrl) => pageUrl.TrimEnd('/') + "/share-card.png";

    /// A text as one line: a block scalar's line breaks and tabs are spaces on the card and in
    /// its alt text, as they are when a browser shows the title.
    public static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// What the card's fonts can draw of <paramref name="text"/>: emoji (and their joiners and
    /// presentation selectors) would be boxes with hex digits in them, so they are left out of
    /// the picture (the alt text keeps them).
    public static string Drawable(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var emoji = rune.Value is >= 0x1F000 and <= 0x1FAFF or 0x200D or 0xFE0F or 0x20E3
                || rune.Value is >= 0xE0020 and <= 0xE007F;
            if (!emoji)
                kept.Append(rune.ToString());
        }

        return OneLine(kept.ToString());
    }
}
