using System.Security.Cryptography;
using System.Text;
using Generator.Photos;

namespace Generator.Pdf;

/// Topic PDFs kept between builds in the photos' cache folder (`--cache-dir`, else
/// .cache/images/), one entry per page as <see cref="PhotoCache"/> keeps its derivatives:
/// the key hashes the page's HTML, its PDF information, Chromium's version and the
/// installed fonts; the entry holds the PDF and the files the page read while it printed
/// (stylesheet, logo, photos) with their hashes, as the engine records a document's reads.
/// The PDF is reused only while each of those files still has those bytes.
public sealed class PdfCache(string folder)
{
    private const string PdfName = "page.pdf";
    private const string ReadsName = "reads.txt";

    private readonly PhotoCache store = new(folder);

    public static string Key(string html, PdfInfo info, string browser)
    {
        var text = string.Join("\n", "pdf 2", browser, info.ToString(), html);
        return "p" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..39];
    }

    /// The cached PDF, when every file it read is unchanged in <paramref name="siteFolder"/>.
    public byte[]? Find(string key, string siteFolder)
    {
        try
        {
            var reads = store.FileOf(key, ReadsName);
            var pdf = store.FileOf(key, PdfName);
            if (!File.Exists(reads) || !File.Exists(pdf))
                return null;
            var lines = File.ReadAllLines(reads);
            // The first line is the PDF's own hash: a truncated or overwritten entry is printed again, never published.
            var bytes = File.ReadAllBytes(pdf);
            if (lines.Length == 0 || lines[0] != OwnHash(bytes))
                return null;
            foreach (var line in lines.Skip(1))
            {
                var (hash, path) = (line[..64], line[65..]);
                var file = Path.Combine(siteFolder, path);
                if (!File.Exists(file) || OriginalStamps.HashOf(file) != hash)
                    return null;
            }

            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null; // a damaged entry is printed again
        }
    }

    /// <paramref name="reads"/>: the site files the page read, relative to <paramref name="siteFolder"/>.
    public void Store(string key, byte[] pdf, string siteFolder, IEnumerable<string> reads)
    {
        var lines = reads.Order(StringComparer.Ordinal).Select(r => OriginalStamps.HashOf(Path.Combine(siteFolder, r)) + " " + r).Prepend(OwnHash(pdf));
        store.Store(key, [(ReadsName, Encoding.UTF8.GetBytes(string.Join("\n", lines))), (PdfName, pdf)]);
    }

    private static string OwnHash(byte[] pdf) => "pdf " + Convert.ToHexStringLower(SHA256.HashData(pdf));
}
