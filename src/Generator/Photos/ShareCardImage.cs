using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using NetVips;

namespace Generator.Photos;

/// Draws a share card with libvips' text rendering (Pango and HarfBuzz inside NetVips.Native):
/// the series and number, the title in bold, wrapped to the card and cut with an ellipsis
/// after three lines, and the publisher under a rule, white on the theme's dark accent.
/// Pango breaks lines by the Unicode line breaking rules in the text's language (lang="ja":
/// no line starts with 、。」 or a small kana), and falls back to breaking between characters
/// only where a word is wider than the card.
public static class ShareCardImage
{
    private const int Margin = 80;
    private const int TextWidth = ShareCard.Width - 2 * Margin;
    private const int SeriesSize = 36;
    private const int TitleSize = 64;
    private const int TitleLines = 3;
    private const int PublisherSize = 32;
    private const int RuleTop = 516;
    private static readonly double[] Background = [0x07, 0x37, 0x63]; // theme --accent-dark
    private static readonly double[] Ink = [0xff, 0xff, 0xff];
    private static readonly double[] Soft = [0xcf, 0xe2, 0xf3];
    private static readonly double[] Rule = [0x6f, 0xa8, 0xdc];

    /// Everything besides the card's text that its bytes depend on: part of the cache key.
    public static string Settings(ShareCardFonts fonts) =>
        $"share card {ShareCard.Width}x{ShareCard.Height}; libvips {Libvips.Version}; {fonts.Stamp}; series {SeriesSize}, title {TitleSize}×{TitleLines}, publisher {PublisherSize}; png 6; v7";

    /// The cache entry of a card: its text and <see cref="Settings"/>.
    public static string Key(ShareCard card, ShareCardFonts fonts)
    {
        var text = string.Join('\n', Settings(fonts), card.Lang, card.Title, card.Series ?? "", card.Publisher);
        return "card-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }

    public const string FileName = "share-card.png";

    /// What libvips and Pango log while drawing (a font warning) is dropped: the card is
    /// drawn or its failure reported (GEN128), and nothing reaches stderr.
    public static byte[] Draw(ShareCard card, ShareCardFonts fonts)
    {
        Libvips.Configure();
        return LibvipsLog.Capture(() => DrawOne(card, fonts)).Result;
    }

    private static byte[] DrawOne(ShareCard card, ShareCardFonts fonts)
    {
        var regular = fonts.Regular ?? throw new InvalidOperationException("no share card without its fonts");
        var bold = fonts.Bold ?? regular;
        var images = new List<Image> { Image.Black(ShareCard.Width, ShareCard.Height, bands: 3).NewFromImage(Background).Copy(interpretation: Enums.Interpretation.Srgb) };
        try
        {
            var top = 72;
            // libvips refuses to render no text, so a blank part (a title not given yet) is left out.
            if (Printable(card.Series) is { } series)
            {
                using var mask = Text(series, card.Lang, regular, "Noto Sans CJK JP", SeriesSize, lines: 1);
                images.Add(Paint(images[^1], mask, Margin, top, Soft));
                top += mask.Height + 28;
            }
            else
            {
                top = 96;
            }

            if (Printable(card.Title) is { } titleText)
            {
                using var title = Text(titleText, card.Lang, bold, "Noto Sans CJK JP Bold", TitleSize, TitleLines);
                images.Add(Paint(images[^1], title, Margin, top, Ink));
            }

            using (var rule = (Image.Black(TextWidth, 4) + 255).Cast(Enums.BandFormat.Uchar))
                images.Add(Paint(images[^1], rule, Margin, RuleTop, Rule));
            if (Printable(card.Publisher) is { } publisherText)
            {
                using var publisher = Text(publisherText, card.Lang, regular, "Noto Sans CJK JP", PublisherSize, lines: 1);
                images.Add(Paint(images[^1], publisher, Margin, RuleTop + 30, Ink));
            }
            // No metadata, no time: two builds write the same bytes. zlib level 6: level 9 took 25 times as
            // long (0.3 s against 13 ms a card, loaded machine) for 22 % fewer bytes (56 KB against 72 KB).
            return images[^1].PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None);
        }
        finally
        {
            foreach (var image in images)
                image.Dispose();
        }
    }

    /// The text without control characters (Pango's markup refuses most), or null when nothing is left to draw.
    private static string? Printable(string? text)
    {
        var kept = ShareCard.Drawable(new string([.. (text ?? "").Select(c => char.IsControl(c) ? ' ' : c)]));
        return kept.Length == 0 ? null : kept;
    }

    /// <paramref name="mask"/> (one band, 0–255) painted in <paramref name="colour"/> at (x, y).
    private static Image Paint(Image onto, Image mask, int x, int y, double[] colour)
    {
        using var placed = mask.Embed(x, y, ShareCard.Width, ShareCard.Height);
        return placed.Ifthenelse(colour, onto, blend: true).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// The text as a mask at most <paramref name="lines"/> lines high, wrapped to the card's
    /// width; a longer text is cut at the longest beginning that fits, with an ellipsis.
    private static Image Text(string text, string lang, string fontFile, string font, int size, int lines)
    {
        var whole = Render(text, lang, fontFile, font, size);
        // The height of exactly that many lines, measured (libvips' text image is as high as its ink).
        int limit;
        using (var full = Render(string.Join('\n', Enumerable.Repeat("Ag国", lines)), lang, fontFile, font, size))
            limit = full.Height + size / 4;
        if (whole.Height <= limit)
            return whole;
        whole.Dispose();

        // Cut between words where the text has spaces between them (English), else between
        // text elements (never inside a surrogate pair or before a combining mark).
        var spaces = Enumerable.Range(1, text.Length - 1).Where(i => text[i] == ' ' && text[i - 1] != ' ').ToArray();
        var starts = lang != "ja" && spaces.Length > 0 ? spaces : StringInfo.ParseCombiningCharacters(text);
        int low = 0, high = starts.Length - 1;
        Image? best = null;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var candidate = Render(text[..starts[middle]].TrimEnd(' ', '　', '、', ',', '・') + "…", lang, fontFile, font, size);
            if (candidate.Height <= limit)
            {
                best?.Dispose();
                best = candidate;
                low = middle + 1;
            }
            else
            {
                candidate.Dispose();
                high = middle - 1;
            }
        }

        return best ?? Render("…", lang, fontFile, font, size);
    }

    // insert_hyphens="false": a word the wrap cuts gets no hyphen (Pango adds one by default,
    // wrong at the end of a Japanese line and misleading inside a long word).
    private static Image Render(string text, string lang, string fontFile, string font, int size) =>
        Image.Text($"<span lang=\"{WebUtility.HtmlEncode(lang)}\" insert_hyphens=\"false\">{WebUtility.HtmlEncode(text)}</span>",
            font: font + " " + size.ToString(CultureInfo.InvariantCulture), fontfile: fontFile, width: TextWidth,
            wrap: Enums.TextWrap.WordChar, dpi: 72, spacing: Spacing(size));

    private static int Spacing(int size) => size / 4;
}
