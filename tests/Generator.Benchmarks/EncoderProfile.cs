using System.Diagnostics;
using System.Globalization;
using Generator.Photos;
using NetVips;

namespace Generator.Benchmarks;

/// `encoder-profile --photos DIR [--count K]` (issue 16): for the first K JPEGs of DIR, scaled
/// to 800 pixels as the build scales them, the time of one encode, its bytes and its SSIM
/// against the scaled photo, per format and setting: our WebP and JPEG settings, and AVIF at
/// our quality with libvips' effort 0 to 4 (aom's speed), to see which encoder dominates a
/// cold build and what a slower AVIF effort buys.
public static class EncoderProfile
{
    public static int Run(string folder, int count)
    {
        NetVips.NetVips.Concurrency = 2;
        Cache.Max = 0;
        var files = Directory.EnumerateFiles(folder, "*.jpg").Order(StringComparer.Ordinal).Take(count).ToList();
        var settings = new List<(string Name, Func<Image, byte[]> Save)>
        {
            ($"JPEG q{PhotoEncoder.JpegQuality}", i => i.JpegsaveBuffer(q: PhotoEncoder.JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None)),
            ($"WebP q{PhotoEncoder.WebPQuality}", i => i.WebpsaveBuffer(q: PhotoEncoder.WebPQuality, keep: Enums.ForeignKeep.None)),
        };
        foreach (var effort in new[] { 0, 1, 2, 3, 4 })
            settings.Add(($"AVIF q{PhotoEncoder.AvifQuality} effort {effort}", i => i.HeifsaveBuffer(q: PhotoEncoder.AvifQuality, bitdepth: 8,
                compression: Enums.ForeignHeifCompression.Av1, effort: effort, subsampleMode: Enums.ForeignSubsample.On, keep: Enums.ForeignKeep.None)));

        var totals = settings.ToDictionary(s => s.Name, _ => (Ms: 0.0, Bytes: 0L, Ssim: 0.0));
        foreach (var file in files)
        {
            using var largest = Image.Thumbnail(file, 1600, height: 100_000, size: Enums.Size.Down, outputProfile: "srgb");
            using var scaled = largest.ThumbnailImage(800, height: 100_000, size: Enums.Size.Down, noRotate: true).CopyMemory();
            foreach (var (name, save) in settings)
            {
                var clock = Stopwatch.StartNew();
                var bytes = save(scaled);
                var ms = clock.Elapsed.TotalMilliseconds;
                using var decoded = Image.NewFromBuffer(bytes);
                var (m, b, s) = totals[name];
                totals[name] = (m + ms, b + bytes.Length, s + Ssim(scaled, decoded));
            }
        }

        Console.WriteLine($"{files.Count} photos from {folder}, scaled to 800 px; means per photo");
        Console.WriteLine($"{"setting",-22} {"ms",8} {"KiB",8} {"SSIM",7}");
        foreach (var (name, _) in settings)
        {
            var (ms, bytes, ssim) = totals[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {ms / files.Count,8:0} {bytes / 1024.0 / files.Count,8:0.0} {ssim / files.Count,7:0.000}"));
        }

        return 0;
    }

    /// SSIM of the luminance, Gaussian window of σ 1.5 (Wang et al.'s constants), mean over the photo.
    public static double Ssim(Image reference, Image other)
    {
        using var x = Luminance(reference);
        using var y = Luminance(other);
        const double c1 = 0.01 * 255 * 0.01 * 255, c2 = 0.03 * 255 * 0.03 * 255;
        using var muX = x.Gaussblur(1.5, precision: Enums.Precision.Float);
        using var muY = y.Gaussblur(1.5, precision: Enums.Precision.Float);
        using var xx = (x * x).Gaussblur(1.5, precision: Enums.Precision.Float);
        using var yy = (y * y).Gaussblur(1.5, precision: Enums.Precision.Float);
        using var xy = (x * y).Gaussblur(1.5, precision: Enums.Precision.Float);
        using var muXY = muX * muY;
        using var muXX = muX * muX;
        using var muYY = muY * muY;
        using var top = (muXY * 2 + c1) * ((xy - muXY) * 2 + c2);
        using var bottom = (muXX + muYY + c1) * ((xx - muXX) + (yy - muYY) + c2);
        using var map = top / bottom;
        return map.Avg();
    }

    private static Image Luminance(Image image)
    {
        using var srgb = image.Bands > 3 ? image.ExtractBand(0, n: 3) : image.Copy();
        using var bw = srgb.Colourspace(Enums.Interpretation.Bw);
        return bw.Cast(Enums.BandFormat.Float);
    }
}
