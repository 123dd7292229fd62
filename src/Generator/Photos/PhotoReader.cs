using System.Globalization;
using NetVips;

namespace Generator.Photos;

/// Reads a photo's header with libvips (its pixels stay on disk) and refuses, with a
/// message that says what to do, a file that is no photo, a format its extension does not
/// name (a PNG called .jpg), or more pixels than site.yml allows (a decompression bomb:
/// a small file that declares 100,000 × 100,000 pixels is refused before any decoding), or
/// a file cut short (<see cref="PhotoEnds"/>).
public static class PhotoReader
{
    /// libvips' loader names (VipsForeignLoadJpegFile, VipsForeignLoadPngFile, …) → format.
    private static PhotoFormat? FormatOfLoader(string loader) =>
        loader.StartsWith("VipsForeignLoadJpeg", StringComparison.Ordinal) ? PhotoFormat.Jpeg
        : loader.StartsWith("VipsForeignLoadPng", StringComparison.Ordinal) || loader.StartsWith("VipsForeignLoadSpng", StringComparison.Ordinal) ? PhotoFormat.Png
        : loader.StartsWith("VipsForeignLoadWebp", StringComparison.Ordinal) ? PhotoFormat.WebP
        : null;

    /// What libvips logs while it reads a header goes into the problem's message; on success
    /// it is dropped here (the encoding, which decodes every pixel, reports what matters).
    public static (PhotoHeader? Header, PhotoProblem? Problem) Read(string file, long maxPixels)
    {
        Libvips.Configure();
        var ((header, problem), messages) = LibvipsLog.Capture(() => ReadOne(file, maxPixels));
        return problem is not null && LibvipsLog.Reason(messages) is { } reason
            ? (header, problem with { Message = problem.Message.Replace("; export", " (" + reason + "); export", StringComparison.Ordinal) })
            : (header, problem);
    }

    private static (PhotoHeader? Header, PhotoProblem? Problem) ReadOne(string file, long maxPixels)
    {
        var named = PhotoFormat.OfExtension(file) ?? throw new ArgumentException($"{file} is not named as a photo", nameof(file));
        var extension = Path.GetExtension(file);
        string? loader;
        try
        {
            loader = Image.FindLoad(file);
        }
        catch (VipsException)
        {
            loader = null;
        }

        if (loader is null)
            return (null, new PhotoProblem(DiagnosticCodes.PhotoUnreadable,
                $"is not a {named.Name} image libvips can read (the file is damaged, empty or of another kind); export the photo again as {named.Name}"));
        var actual = FormatOfLoader(loader);
        if (actual is null)
            return (null, new PhotoProblem(DiagnosticCodes.PhotoDisguised,
                $"is named {extension} but is not a {named.Name} image (libvips reads it with {loader}); save it as JPEG, PNG or WebP with the matching extension"));
        if (actual != named)
            return (null, new PhotoProblem(DiagnosticCodes.PhotoDisguised,
                $"is a {actual.Name} file named {extension}; rename it to {actual.Extension} (and its references), or convert it to {named.Name}"));

        try
        {
            using var image = Image.NewFromFile(file, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            long width = image.Width, height = image.Height;
            if (TooLarge(width, height, maxPixels) is { } large)
                return (null, large);
            if (PhotoEnds.CutShort(file, actual))
                return (null, new PhotoProblem(DiagnosticCodes.PhotoUnreadable,
                    $"is damaged or truncated (the file ends before its image data does); export the photo again from the camera or editor"));
            var orientation = image.Contains("orientation") && image.Get("orientation") is int o ? o : 1;
            var turned = orientation is >= 5 and <= 8;
            var hasGps = image.GetFields().Any(f => f.StartsWith("exif-ifd3-", StringComparison.Ordinal));
            return (new PhotoHeader(actual, (int)(turned ? height : width), (int)(turned ? width : height), hasGps), null);
        }
        catch (VipsException e)
        {
            return (null, new PhotoProblem(DiagnosticCodes.PhotoUnreadable, $"cannot be read as {named.Name}: {FirstLine(e.Message)}; export the photo again"));
        }
    }

    /// A photo of more pixels than site.yml allows (its header's, or a stamp's: the same
    /// product whichever way it is turned).
    public static PhotoProblem? TooLarge(long width, long height, long maxPixels) =>
        width * height > maxPixels
            ? new PhotoProblem(DiagnosticCodes.PhotoTooLarge,
                $"declares {width.ToString("N0", CultureInfo.InvariantCulture)} × {height.ToString("N0", CultureInfo.InvariantCulture)} pixels, more than site.yml's max_image_megapixels allows ({(maxPixels / 1_000_000).ToString(CultureInfo.InvariantCulture)} million); scale the photo down (2,000 to 4,000 pixels wide is plenty) or raise the limit")
            : null;

    internal static string FirstLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // NetVips puts its own "unable to …" first and libvips' reason after it.
        return string.Join("; ", lines.Take(3)).TrimEnd('.');
    }
}
