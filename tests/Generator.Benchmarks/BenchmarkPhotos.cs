using System.Globalization;
using NetVips;

namespace Generator.Benchmarks;

/// Real-sized photos for the benchmarks, the same bytes every run (issue 16): smooth colour
/// fields (two slow waves per channel, their frequencies and phases drawn from the photo's
/// number) with camera-like grain (Gaussian noise, fixed seeds), saved as JPEG q90 with the
/// Exif a camera writes: make, model, lens, serial number, exposure, date; the 4000 × 3000
/// ones (camera originals) also where they were taken (GPS).
public static class BenchmarkPhotos
{
    public static (int Width, int Height) SizeOf(CorpusPhotos kind) => kind switch
    {
        CorpusPhotos.Jpeg1600 => (1600, 1067),
        CorpusPhotos.Jpeg4000 => (4000, 3000),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a JPEG kind"),
    };

    public static void Jpeg(string file, CorpusPhotos kind, int number)
    {
        var (width, height) = SizeOf(kind);
        var random = new Random(number * 7919 + 17);
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        Image Channel(int band)
        {
            // Degrees per pixel for 0.5–3 periods across the photo.
            double Wave() => 360.0 * (0.5 + random.NextDouble() * 2.5) / width;
            using var a = (x * Wave() + y * Wave() + random.NextDouble() * 360).Math(Enums.OperationMath.Sin);
            using var b = (x * Wave() - y * Wave() + random.NextDouble() * 360).Math(Enums.OperationMath.Sin);
            using var grain = Image.Gaussnoise(width, height, mean: 0, sigma: 6, seed: number * 3 + band);
            using var field = a * (40 + random.NextDouble() * 30) + b * (20 + random.NextDouble() * 20) + (90 + random.NextDouble() * 70);
            return (field + grain).Cast(Enums.BandFormat.Uchar);
        }

        using var r = Channel(0);
        using var g = Channel(1);
        using var bl = Channel(2);
        using var joined = r.Bandjoin(g, bl);
        using var image = joined.Copy(interpretation: Enums.Interpretation.Srgb).Mutate(m =>
        {
            string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
            m.Set(GValue.GStrType, "exif-ifd0-Make", "Canon");
            m.Set(GValue.GStrType, "exif-ifd0-Model", "Canon EOS 90D");
            m.Set(GValue.GStrType, "exif-ifd0-Software", "Firmware Version 1.1.1");
            m.Set(GValue.GStrType, "exif-ifd0-Artist", "A. Photographer");
            m.Set(GValue.GStrType, "exif-ifd2-BodySerialNumber", "0" + Text(31_000_000 + number));
            m.Set(GValue.GStrType, "exif-ifd2-LensModel", "EF-S18-135mm f/3.5-5.6 IS USM");
            m.Set(GValue.GStrType, "exif-ifd2-DateTimeOriginal", $"2022:08:{1 + number % 28:00} 10:{number % 60:00}:00");
            m.Set(GValue.GStrType, "exif-ifd2-ExposureTime", "1/" + Text(125 << (number % 4)));
            m.Set(GValue.GStrType, "exif-ifd2-FNumber", Text(40 + number % 50) + "/10");
            m.Set(GValue.GStrType, "exif-ifd2-ISOSpeedRatings", Text(100 << (number % 4)));
            if (kind == CorpusPhotos.Jpeg4000)
            {
                m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
                m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", $"35/1 {number % 60}/1 {number % 6000}/100");
                m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
                m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", $"139/1 {number % 60}/1 {number % 6000}/100");
            }
        });
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        image.Jpegsave(file, q: 90);
    }
}
