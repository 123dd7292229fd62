using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Generator.Engine;

namespace Generator.Photos;

/// The persistent cache of derivatives (issue 16), by default .cache/images/ beside input/.
/// An entry is a folder named by the hash of the original's bytes, the widths and the
/// encoder settings, holding one file per derivative ("800w.avif"). Each file is written to
/// a temporary name and renamed into place, so it is whole or absent, and it is never
/// changed afterwards: the build hard-links it into the output (or copies it, across file
/// systems), and preview serves it from here. A preview fills an entry one derivative at a
/// time, as they are requested; a build makes the ones still missing.
public sealed class PhotoCache(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// The default place: .cache/images/ in the folder that holds input/.
    public static string DefaultFor(string inputFolder) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputFolder).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", ".cache", "images");

    /// <paramref name="contentHash"/>: the original's SHA-256, hex (<see cref="PhotoRead.Hash"/>).
    public static string Key(string contentHash, IReadOnlyList<int> widths)
    {
        var settings = Encoding.UTF8.GetBytes(PhotoEncoder.Settings + "; widths " + string.Join(",", widths.Select(w => w.ToString(CultureInfo.InvariantCulture))));
        var hash = SHA256.HashData([.. Convert.FromHexString(contentHash), .. settings]);
        return Convert.ToHexStringLower(hash)[..40];
    }

    /// The file of an entry that holds what libvips logged while it made the derivatives, so a
    /// warm build reports it as the cold one did.
    public const string LogFile = "libvips.log";

    public static string FileName(int width, PhotoFormat format) => width.ToString(CultureInfo.InvariantCulture) + "w" + format.Extension;

    private string EntryOf(string key) => Path.Combine(Folder, key[..2], key);

    /// Where the derivative <paramref name="name"/> of the entry <paramref name="key"/> is, or will be.
    public string FileOf(string key, string name) => Path.Combine(EntryOf(key), name);

    /// The names of the files the entry holds, none when it is not there yet: one listing of
    /// its folder rather than a lookup for each of its 12 or so files.
    public IReadOnlySet<string> Held(string key)
    {
        try
        {
            return Directory.EnumerateFiles(EntryOf(key)).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal)!;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not there (or not readable): its files are made, and storing them says what is wrong.
            return new HashSet<string>();
        }
    }

    /// Stores files of an entry (another build, or a preview, may store the same file at the
    /// same time: both have the same bytes, and each rename is whole).
    public void Store(string key, IEnumerable<(string Name, byte[] Bytes)> files)
    {
        CacheTag.Mark(Folder);
        foreach (var (name, bytes) in files)
            WholeFile.Write(FileOf(key, name), bytes);
    }

    /// Makes the one derivative a preview was asked for (and nothing else), when the original
    /// still has the bytes the page was built from (else nothing is stored under the old key).
    public static PhotoProblem? Make(DerivativeRequest request)
    {
        if (File.Exists(request.CacheFile))
            return null;
        var before = FileStamp.Of(request.Original);
        string hash;
        try
        {
            hash = OriginalStamps.HashOf(request.Original);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PhotoProblem(DiagnosticCodes.PhotoUnreadable, $"cannot be read: {e.Message}");
        }

        if (hash != request.Hash)
            return new PhotoProblem(DiagnosticCodes.PhotoChanged, "changed since the page was built; reload the page once the preview has built it again");
        // What libvips logs for the photo is reported by the build (EncodePhotos), from the entry's log.
        var (derivatives, problem, _) = PhotoEncoder.Encode(request.Original, request.Header, request.Widths, (w, f) => w == request.Width && f == request.Format);
        if (problem is not null)
            return problem;
        if (FileStamp.Of(request.Original) != before)
            return new PhotoProblem(DiagnosticCodes.PhotoChanged, "changed while it was encoded; reload the page once the preview has built it again");
        try
        {
            WholeFile.Write(request.CacheFile, derivatives.Single().Bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PhotoProblem(DiagnosticCodes.PhotoCache,
                $"cannot be stored in the image cache ({Reasons.Of(e)}); make the folder writable or pass another with --cache-dir");
        }

        return null;
    }
}
