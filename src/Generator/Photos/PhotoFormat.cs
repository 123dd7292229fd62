namespace Generator.Photos;

/// A format photos are read or written in (issue 16).
public sealed record PhotoFormat(string Name, string Extension, string MimeType)
{
    public static PhotoFormat Jpeg { get; } = new("JPEG", ".jpg", "image/jpeg");

    public static PhotoFormat Png { get; } = new("PNG", ".png", "image/png");

    public static PhotoFormat WebP { get; } = new("WebP", ".webp", "image/webp");

    public static PhotoFormat Avif { get; } = new("AVIF", ".avif", "image/avif");

    /// The formats a photo's original may be in, by file extension; any other image (SVG,
    /// GIF) is published as it is, without derivatives.
    public static PhotoFormat? OfExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => Jpeg,
            ".png" => Png,
            ".webp" => WebP,
            _ => null,
        };

    /// The format of <see cref="Name"/> ("JPEG"), for what is kept on disk.
    public static PhotoFormat? OfName(string name) => new[] { Jpeg, Png, WebP, Avif }.FirstOrDefault(f => f.Name == name);

    /// The derivatives' formats, best first: AVIF, WebP, then the original's own format as
    /// the fallback every browser shows (a WebP original's fallback is WebP).
    public static IReadOnlyList<PhotoFormat> DerivedFrom(PhotoFormat original) =>
        original == WebP ? [Avif, WebP] : [Avif, WebP, original];
}
