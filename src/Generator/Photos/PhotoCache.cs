using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Generator.Photos;

/// The persistent cache of derivatives (issue 16), by default .cache/images/ beside input/.
/// An entry is a folder named by the hash of the original's bytes, the widths and the
/// encoder settings, holding one file per derivative ("800w.avif"). It is written to a
/// temporary folder and renamed into place, so an entry is complete or absent, and never
/// changed afterwards: the build copies its files into the output.
public sealed class PhotoCache(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// The default place: .cache/images/ in the folder that holds input/.
    public static string DefaultFor(string inputFolder) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputFolder).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", ".cache", "images");

    public static string Key(byte[] original, IReadOnlyList<int> widths)
    {
        var settings = Encoding.UTF8.GetBytes(PhotoEncoder.Settings + "; widths " + string.Join(",", widths.Select(w => w.ToString(CultureInfo.InvariantCulture))));
        var hash = SHA256.HashData([.. SHA256.HashData(original), .. settings]);
        return Convert.ToHexStringLower(hash)[..40];
    }

    public static string FileName(int width, PhotoFormat format) => width.ToString(CultureInfo.InvariantCulture) + "w" + format.Extension;

    private string EntryOf(string key) => Path.Combine(Folder, key[..2], key);

    /// The entry's files by name, when every expected one is there.
    public string? Find(string key, IEnumerable<string> names)
    {
        var entry = EntryOf(key);
        return names.All(n => File.Exists(Path.Combine(entry, n))) ? entry : null;
    }

    /// Stores an entry (another build may store the same entry at the same time: the first
    /// rename wins and both have the same bytes).
    public string Store(string key, IEnumerable<(string Name, byte[] Bytes)> files)
    {
        var entry = EntryOf(key);
        var parent = Path.GetDirectoryName(entry)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, "." + key + "." + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temporary);
        try
        {
            foreach (var (name, bytes) in files)
                File.WriteAllBytes(Path.Combine(temporary, name), bytes);
            if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true); // incomplete: Find did not accept it
            Directory.Move(temporary, entry);
        }
        catch (IOException) when (Directory.Exists(entry))
        {
            // Another build renamed the same entry into place first.
        }
        finally
        {
            if (Directory.Exists(temporary))
                Directory.Delete(temporary, recursive: true);
        }

        return entry;
    }
}
