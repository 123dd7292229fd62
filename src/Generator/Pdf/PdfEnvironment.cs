using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Generator.Pdf;

/// What a PDF is printed with besides the site's files: the Chromium binaries and the
/// installed fonts, as one stamp (path, size and time of each file) for the cache key, so an
/// upgraded Chromium or a newly installed font prints every PDF again.
public static class PdfEnvironment
{
    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/etc/fonts"];

    public static string Stamp(string chromium)
    {
        var files = new List<string> { chromium };
        // Debian's /usr/bin/chromium is a script that starts /usr/lib/chromium/chromium.
        var real = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(chromium)) ?? "/") ?? "/", "lib", "chromium", "chromium");
        files.Add(real);
        foreach (var folder in FontFolders.Where(Directory.Exists))
            files.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
        var text = new StringBuilder();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            if (info.Exists)
                text.Append(CultureInfo.InvariantCulture, $"{file} {info.Length} {info.LastWriteTimeUtc.Ticks}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
