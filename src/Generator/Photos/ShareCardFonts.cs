using System.Globalization;

namespace Generator.Photos;

/// The fonts share cards are drawn with: Noto Sans CJK (Debian's fonts-noto-cjk), whose
/// Japanese glyphs and Latin letters cover both languages of the site. Looked up by file in
/// the font folders, not through fontconfig, so a card never silently falls back to another
/// font: without both files no card is made, and the build says so once (GEN127).
public sealed class ShareCardFonts
{
    public const string RegularFile = "NotoSansCJK-Regular.ttc";
    public const string BoldFile = "NotoSansCJK-Bold.ttc";

    /// Where Linux distributions and users install fonts.
    public static IReadOnlyList<string> SystemFolders =>
    [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
    ];

    public ShareCardFonts(IReadOnlyList<string> folders)
    {
        Folders = folders;
        Regular = Find(folders, RegularFile);
        Bold = Find(folders, BoldFile);
    }

    public IReadOnlyList<string> Folders { get; }

    public string? Regular { get; }

    public string? Bold { get; }

    public bool Available => Regular is not null && Bold is not null;

    /// What the cards' pixels depend on of the fonts: each file's name, length and time, so
    /// an upgraded font package draws the cards again (hashing 40 MB of fonts per build would not pay).
    public string Stamp => string.Join("; ", new[] { Regular, Bold }.Select(f =>
    {
        var info = new FileInfo(f!);
        return info.Name + " " + info.Length.ToString(CultureInfo.InvariantCulture) + " " + info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture);
    }));

    private static string? Find(IReadOnlyList<string> folders, string name)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            try
            {
                if (Directory.EnumerateFiles(folder, name, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 6 })
                    .Order(StringComparer.Ordinal).FirstOrDefault() is { } found)
                    return found;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be listed has no fonts for us; the next may.
            }
        }

        return null;
    }
}
