using System.Buffers.Binary;
using System.IO.Hashing;
using NetVips;

namespace Generator.Tests.Integration;

/// Small photos made for a test (issue 16): noise, so the encoders have something to do,
/// from a fixed seed, so every run writes the same bytes.
public static class TestPhotos
{
    public static Image Noise(int width, int height)
    {
        Image Band(int seed) => Image.Gaussnoise(width, height, mean: 128, sigma: 40, seed: seed).Cast(Enums.BandFormat.Uchar);
        return Band(1).Bandjoin(Band(2), Band(3)).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// A JPEG as a camera writes it: Exif with the camera's make, optionally where it was
    /// taken (GPS) and an orientation (6: the pixels are stored turned, shown 90° clockwise).
    public static void Jpeg(string root, string path, int width, int height, int orientation = 1, bool gps = false)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var image = Noise(width, height).Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "TestCam");
            m.Set(GValue.GStrType, "exif-ifd0-Artist", "A. Photographer");
            if (orientation != 1)
                m.Set(GValue.GIntType, "orientation", orientation);
            if (gps)
            {
                m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
                m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "35/1 41/1 0/1");
            }
        });
        image.Jpegsave(file, q: 90);
    }

    public static void Png(string root, string path, int width, int height)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var image = Noise(width, height);
        image.Pngsave(file);
    }

    /// A PNG that is only a header declaring <paramref name="width"/> × <paramref name="height"/>
    /// pixels (a decompression bomb's shape, in 57 bytes).
    public static byte[] PngHeaderOnly(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2; // truecolour
        Chunk(file, "IHDR", header);
        Chunk(file, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        file.Write(crc);
    }
}
