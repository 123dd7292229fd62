using System.Buffers.Binary;

namespace Generator.Photos;

/// Whether a photo's file holds all it declares, read from its end without decoding: a JPEG
/// ends its last scan with an EOI marker, a PNG holds its IEND chunk, a WebP is as long as
/// its RIFF header says. libvips reads a header alone happily from a file cut short, and
/// the cut is found only when the pixels are decoded; preview decodes a photo only when a
/// derivative is requested, so this is what lets it report a truncated photo as a build does
/// (issue 16, outside look).
public static class PhotoEnds
{
    private const int Window = 1 << 20;
    private static readonly byte[] PngEnd = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    public static bool CutShort(string file, PhotoFormat format)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.RandomAccess);
        var length = stream.Length;
        if (format == PhotoFormat.WebP)
        {
            Span<byte> header = stackalloc byte[12];
            if (stream.Read(header) < 12)
                return true;
            return BinaryPrimitives.ReadUInt32LittleEndian(header[4..8]) + 8L > length;
        }

        var size = (int)Math.Min(length, Window);
        var tail = new byte[size];
        stream.Seek(length - size, SeekOrigin.Begin);
        stream.ReadExactly(tail);
        if (format == PhotoFormat.Png)
            return tail.AsSpan().LastIndexOf(PngEnd) < 0;

        // In a JPEG's entropy-coded data a 0xFF byte is always followed by 0x00 or a restart
        // marker, so after the last start of scan (FFDA) an FFD9 is the image's end. An Exif
        // thumbnail's own FFD9 lies before the image's first scan.
        var span = tail.AsSpan();
        var lastScan = span.LastIndexOf([(byte)0xFF, (byte)0xDA]);
        return span[(lastScan < 0 ? 0 : lastScan)..].IndexOf([(byte)0xFF, (byte)0xD9]) < 0;
    }
}
