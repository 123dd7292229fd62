using System.Globalization;
using System.Xml;
using Generator.Engine;
using MetadataExtractor;
using MetadataExtractor.Formats.Bmp;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.WebP;

namespace Generator.Content;

/// The real pixel size of the site's images, for &lt;img width height&gt; (no layout shift).
/// Raster formats are read with MetadataExtractor (headers only); SVG from its width and
/// height attributes or its viewBox.
/// Photos' headers and content hashes come from <paramref name="originals"/> (what earlier
/// builds learnt of each unchanged file), without it from the file each build.
public sealed class ImageSizes(string inputFolder, Photos.OriginalStamps? originals = null)
{
    /// The header and content hash of the photo in <paramref name="file"/> (JPEG, PNG or WebP
    /// by its name) as libvips reads it, or why it cannot be used; null for a file that is not
    /// named as a photo or does not exist. Read through the build, so each file once per build.
    public Photos.PhotoRead? PhotoOf(BuildContext context, string file, long maxPixels)
    {
        if (Photos.PhotoFormat.OfExtension(file) is null || !File.Exists(file))
            return null;
        return context.ReadFile(file, "photo " + maxPixels.ToString(CultureInfo.InvariantCulture), f =>
            originals?.Read(f, maxPixels) ?? Unstamped(f, maxPixels));
    }

    private static Photos.PhotoRead Unstamped(string file, long maxPixels)
    {
        var (header, problem) = Photos.PhotoReader.Read(file, maxPixels);
        try
        {
            return new Photos.PhotoRead(header, problem, header is null ? null : Photos.OriginalStamps.HashOf(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Photos.PhotoRead(null, new Photos.PhotoProblem(DiagnosticCodes.PhotoUnreadable, $"cannot be read: {e.Message}"), null);
        }
    }

    /// The size of the image at an href of the site ("/repo/assets/images/a.jpg"), or null
    /// for an external, missing or unreadable image.
    public (int Width, int Height)? Of(BuildContext context, string href, string basePath) =>
        FileOf(href, basePath) is { } file ? context.ReadFile(file, "image size", Read) : null;

    /// The site path ("assets/images/a.jpg", unescaped, no leading slash) of an href of the site.
    public static string SitePathOf(string href, string basePath)
    {
        var cut = href.IndexOfAny(['?', '#']);
        return Uri.UnescapeDataString((cut < 0 ? href : href[..cut])[basePath.Length..]);
    }

    /// The input file an href of the site names, whether or not it exists; null for an external image.
    public string? FileOf(string href, string basePath)
    {
        if (!href.StartsWith(basePath, StringComparison.Ordinal))
            return null;
        var cut = href.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString((cut < 0 ? href : href[..cut])[basePath.Length..]);
        return Path.GetFullPath(Path.Combine(inputFolder, path));
    }

    public static (int Width, int Height)? Read(string file)
    {
        if (!File.Exists(file))
            return null;
        try
        {
            return file.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? Svg(file) : Raster(file);
        }
        catch (Exception e) when (e is IOException or ImageProcessingException or XmlException or UnauthorizedAccessException)
        {
            // An unreadable image still renders, without a size: CheckLinks reports missing files.
            return null;
        }
    }

    private static (int, int)? Raster(string file)
    {
        using var stream = File.OpenRead(file);
        try
        {
            if (SizeIn(ByExtension(stream, Path.GetExtension(file))) is { } size)
                return size;
        }
        catch (ImageProcessingException)
        {
            // A file whose extension lies about its format: the general reader finds out.
        }

        stream.Position = 0;
        return SizeIn(ImageMetadataReader.ReadMetadata(stream));
    }

    /// The reader the extension names: the general reader first probes the file type, and
    /// it would decode every Exif and XMP segment of a JPEG, while the size is in the
    /// JPEG's frame header (SOF) alone.
    private static IEnumerable<MetadataExtractor.Directory> ByExtension(Stream stream, string extension) =>
        extension.ToLowerInvariant() switch
        {
            ".png" => PngMetadataReader.ReadMetadata(stream),
            ".jpg" or ".jpeg" => JpegMetadataReader.ReadMetadata(stream, [new JpegReader()]),
            ".gif" => GifMetadataReader.ReadMetadata(stream),
            ".webp" => WebPMetadataReader.ReadMetadata(stream),
            ".bmp" => BmpMetadataReader.ReadMetadata(stream),
            _ => [],
        };

    private static (int, int)? SizeIn(IEnumerable<MetadataExtractor.Directory> directories)
    {
        foreach (var directory in directories)
        {
            (int Width, int Height)? size = directory switch
            {
                PngDirectory png => (png.GetInt32(PngDirectory.TagImageWidth), png.GetInt32(PngDirectory.TagImageHeight)),
                JpegDirectory jpeg => (jpeg.GetInt32(JpegDirectory.TagImageWidth), jpeg.GetInt32(JpegDirectory.TagImageHeight)),
                GifHeaderDirectory gif => (gif.GetInt32(GifHeaderDirectory.TagImageWidth), gif.GetInt32(GifHeaderDirectory.TagImageHeight)),
                WebPDirectory webp => (webp.GetInt32(WebPDirectory.TagImageWidth), webp.GetInt32(WebPDirectory.TagImageHeight)),
                BmpHeaderDirectory bmp => (bmp.GetInt32(BmpHeaderDirectory.TagImageWidth), Math.Abs(bmp.GetInt32(BmpHeaderDirectory.TagImageHeight))),
                _ => null,
            };
            if (size is { Width: > 0, Height: > 0 })
                return size;
        }

        return null;
    }

    private static (int, int)? Svg(string file)
    {
        using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "svg")
            return null;
        if (Pixels(reader.GetAttribute("width")) is { } width && Pixels(reader.GetAttribute("height")) is { } height)
            return (width, height);
        var box = reader.GetAttribute("viewBox")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return box is { Length: 4 } && Pixels(box[2]) is { } w && Pixels(box[3]) is { } h ? (w, h) : null;
    }

    private static int? Pixels(string? value)
    {
        var number = value?.Trim();
        if (number?.EndsWith("px", StringComparison.Ordinal) == true)
            number = number[..^2];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? (int)Math.Round(parsed)
            : null;
    }
}
