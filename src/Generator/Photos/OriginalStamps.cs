using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Generator.Engine;

namespace Generator.Photos;

/// What earlier builds learnt of each original (issue 16): its content hash and header,
/// kept in the image cache under originals/ (one small file per original, named by its
/// path) with the file's <see cref="FileStamp"/>. A warm build trusts them while the stamp
/// is the same, so it neither hashes nor decodes the header of a photo that did not change:
/// that was most of a warm build's extra time.
///
/// A file changed in place keeps its inode and may keep its size, and its mtime can be set
/// back, but its ctime moves, so the stamp differs. Two changes within one tick of the file
/// system's clock could leave the same stamp (Git's "racy" case): a stamp is only kept when
/// the file's last change is <see cref="Settle"/> older than the moment the build began to
/// read it, and when the file's stamp after reading is the one before, so a file saved
/// during or just before a build is read and hashed again next time.
public sealed class OriginalStamps(string cacheFolder, TimeProvider? clock = null)
{
    /// Longer than the coarsest file system clock in use (FAT's 2 s) and any kernel tick.
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    // Changes when what a stamp stores, or how PhotoReader reads a header, changes.
    private const string Version = "photo-stamp 2";

    private readonly string folder = Path.Combine(Path.GetFullPath(cacheFolder), "originals");
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// The header and content hash of <paramref name="file"/>, from its stamp when it is
    /// unchanged, else read (libvips, header only) and hashed, and remembered.
    public PhotoRead Read(string file, long maxPixels)
    {
        var began = time.GetUtcNow();
        var before = FileStamp.Of(file);
        if (before is { } stamp && Find(file, stamp) is { Header: { } knownHeader } known)
            return PhotoReader.TooLarge(knownHeader.Width, knownHeader.Height, maxPixels) is { } large
                ? new PhotoRead(null, large, null)
                : known;

        var (header, problem) = PhotoReader.Read(file, maxPixels);
        if (header is null)
            return new PhotoRead(null, problem, null);
        string hash;
        try
        {
            hash = HashOf(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PhotoRead(null, new PhotoProblem(DiagnosticCodes.PhotoUnreadable, $"cannot be read: {e.Message}"), null);
        }

        var read = new PhotoRead(header, null, hash);
        if (before is { } first && FileStamp.Of(file) == first && first.LastChange < began - Settle)
            Remember(file, first, read);
        return read;
    }

    public static string HashOf(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// The stamp file of an original: by the SHA-256 of its full path.
    private string RecordOf(string file)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)))[..40];
        return Path.Combine(folder, name[..2], name);
    }

    private PhotoRead? Find(string file, FileStamp stamp)
    {
        string line;
        try
        {
            // The bytes alone: a StreamReader's buffers (16 KB a record) were most of what a
            // warm build allocated for its photos.
            line = Encoding.UTF8.GetString(File.ReadAllBytes(RecordOf(file)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The path is kept whole as the last field, so a collision of the names cannot mislead.
        var fields = line.Split('\t');
        if (fields.Length != 12 || fields[0] != Version || fields[11] != file || !fields[1..6].SequenceEqual(Fields(stamp))
            || PhotoFormat.OfName(fields[7]) is not { } format
            || !int.TryParse(fields[8], CultureInfo.InvariantCulture, out var width) || !int.TryParse(fields[9], CultureInfo.InvariantCulture, out var height))
            return null;
        return new PhotoRead(new PhotoHeader(format, width, height, fields[10] == "gps"), null, fields[6]);
    }

    private void Remember(string file, FileStamp stamp, PhotoRead read)
    {
        var header = read.Header!;
        string[] fields = [Version, .. Fields(stamp), read.Hash!, header.Format.Name,
            header.Width.ToString(CultureInfo.InvariantCulture), header.Height.ToString(CultureInfo.InvariantCulture), header.HasGps ? "gps" : "-", file];
        var line = string.Join('\t', fields);
        try
        {
            CacheTag.Mark(Path.GetDirectoryName(folder)!);
            WholeFile.Write(RecordOf(file), Encoding.UTF8.GetBytes(line));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next build hashes the file again (an unwritable cache is GEN107 where
            // the derivatives are stored).
        }
    }

    private static string[] Fields(FileStamp s) =>
    [
        s.Device.ToString(CultureInfo.InvariantCulture), s.Inode.ToString(CultureInfo.InvariantCulture), s.Size.ToString(CultureInfo.InvariantCulture),
        s.ModifiedNs.ToString(CultureInfo.InvariantCulture), s.ChangedNs.ToString(CultureInfo.InvariantCulture),
    ];
}
