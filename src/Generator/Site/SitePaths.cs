namespace Generator.Site;

/// Pretty URLs and link resolution. A site path is '/'-rooted and excludes the base path.
public static class SitePaths
{
    /// "topics/2022/x.md" in language en → "/en/topics/2022/x/"; "index.md" → "/en/".
    public static string PageUrl(string lang, string relativeInLanguage)
    {
        var path = relativeInLanguage.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relativeInLanguage[..^3] : relativeInLanguage;
        if (path == "index")
            path = "";
        else if (path.EndsWith("/index", StringComparison.Ordinal))
            path = path[..^"/index".Length];
        return path.Length == 0 ? $"/{lang}/" : $"/{lang}/{path}/";
    }

    /// "/en/x/" → "en/x/index.html"; "/" → "index.html"; "/404.html" → "404.html".
    public static string Destination(string sitePath)
    {
        var trimmed = sitePath.TrimStart('/');
        return trimmed.Length == 0 || trimmed.EndsWith('/') ? trimmed + "index.html" : trimmed;
    }

    /// Resolves a link written in a page: site-root paths as they are, relative paths
    /// against the page's URL (as a browser would), and links to a Markdown file against
    /// the source file's folder. Returns null for external links and bare fragments.
    public static ResolvedLink? Resolve(string href, string pageUrl, string sourcePath)
    {
        if (href.Length == 0 || href[0] == '#' || IsExternal(href))
            return null;

        var cut = href.IndexOfAny(['?', '#']);
        var path = cut < 0 ? href : href[..cut];
        var suffix = cut < 0 ? "" : href[cut..];
        if (path.Length == 0)
            return null;

        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.StartsWith('/'))
        {
            var folder = sourcePath.Contains('/') ? "/" + sourcePath[..(sourcePath.LastIndexOf('/') + 1)] : "/";
            var file = Normalize(folder, path);
            if (file is null)
                return new ResolvedLink(null, suffix);
            var segments = file.TrimStart('/').Split('/', 2);
            return new ResolvedLink(segments.Length == 2 ? PageUrl(segments[0], segments[1]) : file, suffix);
        }

        var baseFolder = path.StartsWith('/') ? "/" : pageUrl[..(pageUrl.LastIndexOf('/') + 1)];
        return new ResolvedLink(Normalize(baseFolder, path), suffix);
    }

    /// A path as it may stand in a URL: every byte outside RFC 3986's path characters
    /// (a space, Japanese letters) percent-encoded as UTF-8. '%', '?' and '#' are kept, so an
    /// already encoded path, a query or a fragment passes unchanged (file names may not hold
    /// them; see CheckFileNames). Every href and absolute URL goes through here (issue 13).
    public static string Encode(string path)
    {
        var i = 0;
        while (i < path.Length && IsUrlCharacter(path[i]))
            i++;
        if (i == path.Length)
            return path;
        var encoded = new System.Text.StringBuilder(path.Length * 2);
        encoded.Append(path, 0, i);
        Span<byte> bytes = stackalloc byte[4];
        for (; i < path.Length; i++)
        {
            var c = path[i];
            if (IsUrlCharacter(c))
            {
                encoded.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1])
                ? System.Text.Encoding.UTF8.GetBytes(path.AsSpan(i++, 2), bytes)
                : System.Text.Encoding.UTF8.GetBytes(path.AsSpan(i, 1), bytes);
            foreach (var b in bytes[..length])
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return encoded.ToString();
    }

    private static bool IsUrlCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')'
            or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/' or '%' or '?' or '#';

    public static bool IsExternal(string href) =>
        href.StartsWith("//", StringComparison.Ordinal) || SchemeLength(href) > 0;

    private static int SchemeLength(string href)
    {
        for (var i = 0; i < href.Length; i++)
        {
            var c = href[i];
            if (c == ':')
                return i;
            if (!(char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'))))
                return 0;
        }

        return 0;
    }

    /// Joins and removes "." and ".." segments; null when ".." climbs above the site root.
    private static string? Normalize(string baseFolder, string path)
    {
        var combined = path.StartsWith('/') ? path : baseFolder + path;
        var segments = new List<string>();
        var parts = combined.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = Uri.UnescapeDataString(parts[i]); // "%2e%2e" climbs like ".."
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (segments.Count == 0)
                    return null;
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(part);
        }

        var trailing = combined.EndsWith('/') || combined.EndsWith("/.", StringComparison.Ordinal) || combined.EndsWith("/..", StringComparison.Ordinal);
        var joined = "/" + string.Join('/', segments);
        return trailing && segments.Count > 0 ? joined + "/" : joined;
    }
}

/// A link resolved to a site path (null when it climbs above the site root) and the
/// query and fragment that followed it.
public sealed record ResolvedLink(string? Target, string Suffix);
