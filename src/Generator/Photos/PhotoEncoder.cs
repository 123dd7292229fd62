using NetVips;

namespace Generator.Photos;

/// Makes a photo's derivatives with libvips: decoded once (failing on any error, so a
/// truncated file is refused rather than published half grey), turned upright by its Exif
/// orientation, converted to sRGB, scaled down to each width, and saved in each format
/// with no metadata at all (no Exif, XMP, IPTC, GPS or colour profile: sRGB is what a
/// browser assumes without one).
public static class PhotoEncoder
{
    // Quality by measurement (README, "Photos": SSIM and bytes of three settings per format):
    // AVIF q55 matches WebP q70 in SSIM at about the same bytes, JPEG q82 is the fallback.
    // AVIF effort 0 (aom's fastest): effort 2 and 3 took 4 to 9 times as long for 0–10 %
    // fewer bytes at 800–1600 pixels.
    public const int AvifQuality = 55;
    public const int AvifEffort = 0;
    public const int WebPQuality = 80;
    public const int JpegQuality = 82;

    /// Everything besides the original and the widths that the derivatives' bytes depend
    /// on: part of the cache key.
    public static string Settings =>
        $"libvips {Libvips.Version}; avif q{AvifQuality} e{AvifEffort} 8-bit 4:2:0; webp q{WebPQuality}; jpeg q{JpegQuality} progressive optimised; png 6; sRGB; no metadata; v1";

    public sealed record Derivative(int Width, int Height, PhotoFormat Format, byte[] Bytes);

    // Two photos at a time, whatever the engine's parallelism: an AVIF encode holds 100–200 MB,
    // and the first build without this gate peaked at 3 GB for 50 photos.
    private static readonly SemaphoreSlim Gate = new(2, 2);

    /// The derivatives (those <paramref name="wanted"/> accepts, all without it), or the
    /// problem libvips found while decoding, and what libvips logged while it made them (a
    /// file it decoded with warnings), or null. A derivative made alone has the bytes it has
    /// when made with all the others: each width is scaled from the same largest one.
    public static (IReadOnlyList<Derivative> Derivatives, PhotoProblem? Problem, string? Logged) Encode(
        string file, PhotoHeader header, IReadOnlyList<int> widths, Func<int, PhotoFormat, bool>? wanted = null)
    {
        Libvips.Configure();
        Gate.Wait();
        try
        {
            var ((derivatives, problem), messages) = LibvipsLog.Capture(() => EncodeOne(file, header, widths, wanted ?? ((_, _) => true)));
            var reason = LibvipsLog.Reason(messages);
            // A failure says what libvips logged for it (its exception says only "libpng read error").
            if (problem is not null && reason is not null)
                problem = problem with { Message = problem.Message.Replace("); export", "; " + reason + "); export", StringComparison.Ordinal) };
            return (derivatives, problem, problem is null ? reason : null);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static (IReadOnlyList<Derivative> Derivatives, PhotoProblem? Problem) EncodeOne(
        string file, PhotoHeader header, IReadOnlyList<int> widths, Func<int, PhotoFormat, bool> wanted)
    {
        var formats = PhotoFormat.DerivedFrom(header.Format);
        var made = new List<Derivative>(widths.Count * formats.Count);
        try
        {
            using var largest = Largest(file, header.Format, widths[^1]);
            foreach (var width in widths.Reverse())
            {
                var these = formats.Where(f => wanted(width, f)).ToList();
                if (these.Count == 0)
                    continue;
                using var scaled = width == largest.Width ? largest.Copy() : largest.ThumbnailImage(width, height: 100_000, size: Enums.Size.Down, noRotate: true);
                foreach (var format in these)
                    made.Add(new Derivative(width, scaled.Height, format, Save(scaled, format)));
            }
        }
        catch (VipsException e)
        {
            return ([], new PhotoProblem(DiagnosticCodes.PhotoUnreadable,
                $"is damaged or truncated ({PhotoReader.FirstLine(e.Message)}); export the photo again from the camera or editor"));
        }

        made.Sort((a, b) => a.Width != b.Width ? a.Width.CompareTo(b.Width) : string.CompareOrdinal(a.Format.Extension, b.Format.Extension));
        return (made, null);
    }

    // libjpeg's warning for a scan whose data stops at a marker: what a JPEG cut short and
    // closed with an end marker gives (it ends as a whole file does, so PhotoEnds passes it).
    private const string CutScan = "premature end of data segment";

    /// The largest width straight from the file (a JPEG is shrunk while it is decoded), held
    /// in memory; the smaller ones are made from it. libjpeg only warns of a cut scan and
    /// fills the rest grey, so a JPEG is decoded failing on warnings first, and the cut scan
    /// is the error; on any other warning (cameras write quirks libjpeg warns about, such as
    /// extraneous bytes between segments) it is decoded again failing on errors alone, as
    /// every other photo is. A photo without warnings is decoded once.
    private static Image Largest(string file, PhotoFormat format, int width)
    {
        if (format == PhotoFormat.Jpeg)
        {
            try
            {
                return Decoded(file, width, Enums.FailOn.Warning);
            }
            catch (VipsException e) when (!e.Message.Contains(CutScan, StringComparison.Ordinal))
            {
                // A warning that is no cut: decoded again below.
            }
        }

        return Decoded(file, width, Enums.FailOn.Error);
    }

    private static Image Decoded(string file, int width, Enums.FailOn failOn)
    {
        using var thumbnail = Image.Thumbnail(file, width, height: 100_000, size: Enums.Size.Down, outputProfile: "srgb", failOn: failOn);
        using var eightBit = EightBit(thumbnail);
        return eightBit.CopyMemory();
    }

    private static Image EightBit(Image image) =>
        image.Format == Enums.BandFormat.Uchar ? image.Copy()
        : image.Colourspace(image.Bands >= 3 ? Enums.Interpretation.Srgb : Enums.Interpretation.Bw).Cast(Enums.BandFormat.Uchar);

    private static byte[] Save(Image image, PhotoFormat format)
    {
        if (format == PhotoFormat.Avif)
            return image.HeifsaveBuffer(q: AvifQuality, bitdepth: 8, compression: Enums.ForeignHeifCompression.Av1, effort: AvifEffort,
                subsampleMode: Enums.ForeignSubsample.On, keep: Enums.ForeignKeep.None);
        if (format == PhotoFormat.WebP)
            return image.WebpsaveBuffer(q: WebPQuality, keep: Enums.ForeignKeep.None);
        if (format == PhotoFormat.Jpeg)
            return image.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
        return image.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None);
    }
}
