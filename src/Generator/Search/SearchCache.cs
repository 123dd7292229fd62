using System.Security.Cryptography;
using System.Text;
using Generator.Engine.Modules;
using Generator.Photos;

namespace Generator.Search;

/// Search bundles kept between builds in the cache folder (`--cache-dir`, else
/// .cache/images/), one entry per bundle as <see cref="Pdf.PdfCache"/> keeps PDFs: the key
/// hashes Pagefind's binary, the bundle's language and each of its pages (path and bytes),
/// which is all a run reads, so a bundle none of whose pages changed is taken from the cache
/// instead of running Pagefind again, byte for byte what the run would write (Pagefind's
/// output depends on its input alone: the determinism test compares two clean builds). The
/// entry lists each of its files with its hash, and is used only when every file still has
/// those bytes: a damaged or half-written entry is indexed again, never published.
public sealed class SearchCache(string folder)
{
    private const string ListName = "files.txt";
    private const string FilesFolder = "bundle";
    private const string Version = "search 1";

    private readonly PhotoCache store = new(folder);

    /// <paramref name="pagefind"/>: the hash of Pagefind's binary (<see cref="Pagefind.Identity"/>).
    public static string Key(string pagefind, SearchBundle bundle, string siteFolder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Version}\n{pagefind}\n{bundle.Language}\n"));
        foreach (var page in bundle.Pages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(page + "\n"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(Path.Combine(siteFolder, page))));
        }

        return "s" + Convert.ToHexStringLower(hash.GetHashAndReset())[..39];
    }

    /// Puts the entry's files into <paramref name="bundleFolder"/> (hard links where the file
    /// system allows: the cache never changes a file it holds). False, with nothing left
    /// there, when the entry is missing or damaged: its list does not match the hash it
    /// starts with, or a file it lists is not there with the bytes it had.
    public bool TryRestore(string key, string bundleFolder)
    {
        try
        {
            var list = store.FileOf(key, ListName);
            if (!File.Exists(list))
                return false;
            var lines = File.ReadAllLines(list);
            if (lines.Length < 2 || lines[0] != OwnLine(lines[1..]))
                return false;
            var files = new List<(string Source, string Relative)>();
            foreach (var line in lines[1..])
            {
                if (line.Length < 66 || line[64] != ' ' || line[65..].Split('/').Any(part => part is "" or "." or ".."))
                    return false;
                var (expected, relative) = (line[..64], line[65..]);
                var source = store.FileOf(key, Path.Combine(FilesFolder, relative));
                if (!File.Exists(source) || OriginalStamps.HashOf(source) != expected)
                    return false;
                files.Add((source, relative));
            }

            foreach (var (source, relative) in files)
            {
                var target = Path.Combine(bundleFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                HardLinks.LinkOrCopy(source, target);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(bundleFolder))
                Directory.Delete(bundleFolder, recursive: true);
            return false; // a damaged entry is indexed again
        }
    }

    /// Keeps the files Pagefind wrote into <paramref name="bundleFolder"/> under
    /// <paramref name="key"/>: made in a folder of its own, then renamed into place, replacing
    /// a damaged entry, so an entry is whole or absent. Throws what the file system throws
    /// when the cache cannot be written.
    public void Store(string key, string bundleFolder)
    {
        var entry = store.FileOf(key, "");
        var made = entry + "." + Guid.NewGuid().ToString("N");
        try
        {
            var lines = new List<string>();
            foreach (var file in Directory.EnumerateFiles(bundleFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Engine.DisplayPaths.Separators(Path.GetRelativePath(bundleFolder, file));
                var kept = Path.Combine(made, FilesFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                HardLinks.LinkOrCopy(file, kept);
                lines.Add(OriginalStamps.HashOf(kept) + " " + relative);
            }

            File.WriteAllLines(Path.Combine(made, ListName), [OwnLine([.. lines]), .. lines]);
            CacheTag.Mark(store.Folder);
            if (File.Exists(entry))
                File.Delete(entry);
            else if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true);
            try
            {
                Directory.Move(made, entry);
            }
            catch (IOException) when (Directory.Exists(entry))
            {
                // Another build stored the same bundle meanwhile: the same files.
            }
        }
        finally
        {
            if (Directory.Exists(made))
                Directory.Delete(made, recursive: true);
        }
    }

    /// The list's first line: the version and the hash of the lines after it.
    private static string OwnLine(string[] lines) =>
        $"{Version} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))))}";
}
