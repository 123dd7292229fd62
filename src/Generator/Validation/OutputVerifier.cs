using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Generator.Validation;

/// `verify`: a built folder checked as its host will serve it from <c>base_url</c>. Relative
/// references in HTML go through <see cref="OutputLinkChecker"/>; every absolute URL of the
/// site's own origin (canonical, hreflang, Open Graph, feeds, the sitemap, robots.txt) must
/// start with base_url and name a file of the folder; and the folder must be what
/// actions/upload-pages-artifact publishes (index.html and 404.html at its root, no
/// symbolic links, no file over GitHub Pages' 100 MB limit).
public static class OutputVerifier
{
    public const long MaxFileBytes = 100L * 1024 * 1024;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// Every problem, in a stable order; paths relative to the folder.
    public static IReadOnlyList<OutputProblem> Check(string outputFolder, Uri baseUrl)
    {
        var root = Path.GetFullPath(outputFolder);
        var problems = new List<OutputProblem>();
        foreach (var required in new[] { "index.html", "404.html" })
        {
            if (!File.Exists(Path.Combine(root, required)))
                problems.Add(new(required, $"missing at the root of the folder; GitHub Pages serves it at {baseUrl}{(required == "index.html" ? "" : required)}"));
        }

        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Relative(root, entry.FullName);
            if (entry.LinkTarget is not null)
                problems.Add(new(relative, "is a symbolic link; a Pages artifact must hold plain files"));
            else if (entry is FileInfo { Length: > MaxFileBytes } big)
                problems.Add(new(relative, $"is {big.Length / (1024 * 1024)} MB; GitHub Pages refuses files over 100 MB"));
        }

        var basePath = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";
        problems.AddRange(OutputLinkChecker.Check(root, basePath).Select(b => new OutputProblem(b.Page, $"{b.Attribute}=\"{b.Href}\" {b.Problem}")));
        foreach (var (file, url) in AbsoluteUrls(root, problems).OrderBy(u => u.File, StringComparer.Ordinal))
        {
            if (Problem(root, url, baseUrl, basePath) is { } problem)
                problems.Add(new(file, $"{url} {problem}"));
        }

        return problems;
    }

    private static string? Problem(string root, string url, Uri baseUrl, string basePath)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "is not a valid absolute URL";
        if (uri.Scheme is not ("http" or "https") || !string.Equals(uri.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase))
            return null;
        if (uri.Scheme != baseUrl.Scheme)
            return $"uses {uri.Scheme}, the site is served over {baseUrl.Scheme}";
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
            return $"leaves the base path {basePath}";
        var target = path[basePath.Length..];
        if (target.Length == 0 || target.EndsWith('/'))
            target += "index.html";
        return File.Exists(Path.Combine(root, target)) ? null : $"points to {path}, which is not in the folder";
    }

    /// The absolute URLs a crawler or feed reader follows: link and meta elements of every
    /// page, Atom links and ids, sitemap locations and alternates, robots.txt's Sitemap line.
    private static List<(string File, string Url)> AbsoluteUrls(string root, List<OutputProblem> problems)
    {
        var found = new List<(string File, string Url)>();
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories))
        {
            var page = parser.ParseDocument(File.ReadAllText(file));
            var relative = Relative(root, file);
            foreach (var link in page.QuerySelectorAll("link[href]"))
            {
                if (link.GetAttribute("href") is { } href && IsAbsolute(href))
                    found.Add((relative, href));
            }

            foreach (var meta in page.QuerySelectorAll("meta[property^='og:'][content], meta[name^='twitter:'][content]"))
            {
                if (meta.GetAttribute("content") is { } content && IsAbsolute(content))
                    found.Add((relative, content));
            }
        }

        foreach (var file in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories))
        {
            var relative = Relative(root, file);
            XDocument xml;
            try
            {
                xml = XDocument.Load(file);
            }
            catch (XmlException e)
            {
                problems.Add(new(relative, $"is not well-formed XML ({e.Message})"));
                continue;
            }

            var urls = xml.Descendants(Atom + "link").Select(l => (string?)l.Attribute("href"))
                .Concat(xml.Descendants(Atom + "id").Select(i => (string?)i))
                .Concat(xml.Descendants(Sitemap + "loc").Select(l => (string?)l))
                .Concat(xml.Descendants(Xhtml + "link").Select(l => (string?)l.Attribute("href")));
            foreach (var url in urls.OfType<string>().Where(IsAbsolute))
                found.Add((relative, url));
        }

        var robots = Path.Combine(root, "robots.txt");
        if (File.Exists(robots))
        {
            foreach (var line in File.ReadLines(robots).Where(l => l.StartsWith("Sitemap:", StringComparison.OrdinalIgnoreCase)))
                found.Add(("robots.txt", line["Sitemap:".Length..].Trim()));
        }

        return found;
    }

    private static bool IsAbsolute(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}

public sealed record OutputProblem(string File, string Message);
