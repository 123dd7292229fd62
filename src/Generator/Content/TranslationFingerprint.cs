using System.Security.Cryptography;
using System.Text;

namespace Generator.Content;

/// A short hash of what a translator translates: the title, summary, series, photo texts
/// and the Markdown body. Line endings, trailing spaces and blank lines at the ends do not
/// count, so re-saving a file in another editor does not make its translations stale.
/// Git keeps no file times, so freshness is decided by content alone.
public static class TranslationFingerprint
{
    public static string Of(FrontMatter matter, string markdownFile)
    {
        var text = new StringBuilder();
        void Field(string name, string? value) => text.Append(name).Append('=').Append(Normalize(value ?? "")).Append('\n');
        Field("title", matter.Title);
        Field("summary", matter.Summary);
        Field("series", matter.Series);
        foreach (var image in matter.Images)
        {
            Field("alt", image.Alt);
            Field("caption", image.Caption);
            Field("credit", image.Credit);
        }

        Field("body", Body(markdownFile));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + Convert.ToHexStringLower(hash)[..16];
    }

    /// The text after the front matter.
    public static string Body(string markdownFile)
    {
        var text = markdownFile.Replace("\r\n", "\n");
        if (!FrontMatterReader.TrySplit(text, out var yaml))
            return text;
        var start = text.IndexOf('\n') + 1 + yaml.Length;
        var end = text.IndexOf('\n', start);
        return end < 0 ? "" : text[(end + 1)..];
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
