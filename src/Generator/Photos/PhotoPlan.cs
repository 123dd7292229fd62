using System.Globalization;

namespace Generator.Photos;

/// The derivatives of one photo: which widths in which formats, and their names. Shared by
/// the markup (RenderMarkdown) and the Assets pipeline, so the two always agree.
public static class PhotoPlan
{
    /// The widths to make of a photo <paramref name="width"/> pixels wide: the configured
    /// widths below it, and the photo's own width when it is below the largest configured
    /// one. Never upscaled.
    public static IReadOnlyList<int> Widths(int width, IReadOnlyList<int> configured)
    {
        var below = configured.Where(w => w < width).ToList();
        if (configured.Count == 0 || width <= configured[^1])
            below.Add(width);
        return below;
    }

    /// The height of a derivative <paramref name="width"/> wide, as libvips' thumbnail rounds it.
    public static int Height(PhotoHeader header, int width) =>
        width == header.Width ? header.Height : Math.Max(1, (int)Math.Round((double)header.Height * width / header.Width, MidpointRounding.AwayFromZero));

    /// The site path of a derivative: /assets/images/2022/well.jpg → /assets/images/2022/well-800w.avif.
    public static string PathOf(string original, int width, PhotoFormat format)
    {
        var dot = original.LastIndexOf('.');
        var slash = original.LastIndexOf('/');
        var stem = dot > slash ? original[..dot] : original;
        return stem + "-" + width.ToString(CultureInfo.InvariantCulture) + "w" + format.Extension;
    }

    /// The width of the derivative used as &lt;img src&gt; and as the link preview's image:
    /// the largest up to 1200 pixels (what Open Graph asks for), or the smallest.
    public static int FallbackWidth(IReadOnlyList<int> widths) =>
        widths.Where(w => w <= 1200).DefaultIfEmpty(widths[0]).Max();
}
