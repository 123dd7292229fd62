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
}
