using System.Net;
using System.Text.RegularExpressions;
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

    private static readonly Dictionary<string, HashSet<string>> NoIds = [];


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
                problems.Add(new(relative, $"is {big.Length:N0} bytes; GitHub Pages refuses files over 100 MiB ({MaxFileBytes:N0} bytes)"));
        }

        var basePath = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";
        problems.AddRange(OutputLinkChecker.Check(root, basePath).Select(b => new OutputProblem(b.Page, $"{b.Attribute}=\"{b.Href}\" {b.Problem}")));
        foreach (var (file, url) in AbsoluteUrls(root, baseUrl, problems).OrderBy(u => u.File, StringComparer.Ordinal).ThenBy(u => u.Url, StringComparer.Ordinal).Distinct())
        {
            if (Problem(root, url, baseUrl, basePath) is { } problem)
                problems.Add(new(file, $"{url} {problem}"));
        }

        problems.AddRange(SearchBundleProblems(root));
        return problems;
    }

    /// Each language's list of search bundles (<see cref="Search.SearchBundles.ManifestName"/>)
    /// names, once each, the numbered folders beside it ("1/", "2/"), every one of them, and
    /// each holds the Pagefind script and entry file the search page loads.
    private static IEnumerable<OutputProblem> SearchBundleProblems(string root)
    {
        var folder = Path.Combine(root, Search.Pagefind.BundleFolder);
        if (!Directory.Exists(folder))
            yield break;
        foreach (var manifest in Directory.EnumerateFiles(folder, Search.SearchBundles.ManifestName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Relative(root, manifest);
            var language = Path.GetDirectoryName(manifest)!;
            string[]? bundles;
            try
            {
                bundles = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(manifest));
            }
            catch (System.Text.Json.JsonException)
            {
                bundles = null;
            }

            if (bundles is null || bundles.Any(b => b is null || !Regex.IsMatch(b, "^[1-9][0-9]*/$")) || bundles.Distinct().Count() != bundles.Length)
            {
                yield return new(relative, "is not a list of the search bundle folders beside it, each once, such as [\"1/\", \"2/\"]");
                continue;
            }

            foreach (var bundle in bundles)
            {
                foreach (var needed in new[] { "pagefind.js", "pagefind-entry.json" }.Where(f => !File.Exists(Path.Combine(language, bundle, f))))
                    yield return new(relative, $"lists the search bundle \"{bundle}\", which has no {needed}");
            }

            foreach (var unlisted in Directory.EnumerateDirectories(language).Select(d => Path.GetFileName(d) + "/").Where(d => !bundles.Contains(d)).Order(StringComparer.Ordinal))
                yield return new(relative, $"does not list the search bundle \"{unlisted}\" beside it: its topics cannot be found");
        }
    }

    private static string? Problem(string root, string url, Uri baseUrl, string basePath)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "is not a valid absolute URL";
        if (uri.Scheme is not ("http" or "https") || !string.Equals(uri.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase))
            return null;
        if (uri.Scheme != baseUrl.Scheme)
            return $"uses {uri.Scheme}, the site is served over {baseUrl.Scheme}";
        return OutputLinkChecker.Resolves(root, uri, basePath, null, NoIds);
    }

    /// Every absolute URL of the site's own origin in the files a browser, crawler or feed
    /// reader reads (pages with their JSON-LD, feeds, the sitemap, robots.txt, JSON files),
    /// and every root-relative path in a page's data-* attributes (such as the search
    /// script's address), which the link checker's href and src rules do not see.
    private static List<(string File, string Url)> AbsoluteUrls(string root, Uri baseUrl, List<OutputProblem> problems)
    {
        var found = new List<(string File, string Url)>();
        var ownOrigin = new Regex($@"https?://{Regex.Escape(baseUrl.Authority)}(?=[/""'\s<>?#]|$)[^\s""'<>\\)]*", RegexOptions.IgnoreCase);
        var origin = baseUrl.GetLeftPart(UriPartial.Authority);
        var parser = new HtmlParser();
        var texts = new[] { "*.html", "*.xml", "*.txt", "*.json", "*.webmanifest" }
            .SelectMany(pattern => Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories));
        foreach (var file in texts)
        {
            var relative = Relative(root, file);
            var text = File.ReadAllText(file);
            foreach (Match match in ownOrigin.Matches(text))
                found.Add((relative, WebUtility.HtmlDecode(match.Value).TrimEnd('.', ',', ';', ':', '!')));
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                foreach (var element in parser.ParseDocument(text).All)
                {
                    foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("data-", StringComparison.Ordinal) && a.Value.StartsWith('/') && !a.Value.StartsWith("//", StringComparison.Ordinal)))
                        found.Add((relative, origin + attribute.Value));
                }
            }
            else if (file.EndsWith(".xml", StringComparison.Ordinal))
            {
                try
                {
                    XDocument.Parse(text);
                }
                catch (XmlException e)
                {
                    problems.Add(new(relative, $"is not well-formed XML ({e.Message})"));
                }
            }
        }

        return found;
    }

    private static string Relative(string root, string file) => Engine.DisplayPaths.Separators(Path.GetRelativePath(root, file));
}

public sealed record OutputProblem(string File, string Message);
