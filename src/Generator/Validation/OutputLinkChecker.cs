using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Generator.Validation;

/// Checks a built site as a browser would see it: every internal href, src and srcset
/// of every HTML page resolves to a file of the output, and every fragment to an id on
/// the target page. Used by the tests over whole built sites.
public static class OutputLinkChecker
{
    private static readonly (string Selector, string Attribute)[] References =
    [
        ("a[href]", "href"), ("area[href]", "href"), ("link[href]", "href"),
        ("img[src]", "src"), ("script[src]", "src"), ("source[src]", "src"), ("iframe[src]", "src"),
        ("video[src]", "src"), ("audio[src]", "src"), ("img[srcset]", "srcset"), ("source[srcset]", "srcset"),
    ];

    /// <paramref name="basePath"/> is the path part of base_url ("/" or "/repo/"): the site is
    /// checked as if served from there.
    public static IReadOnlyList<BrokenOutputLink> Check(string outputFolder, string basePath = "/")
    {
        var root = Path.GetFullPath(outputFolder);
        var parser = new HtmlParser();
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Select(file => (Path: Relative(root, file), Document: parser.ParseDocument(File.ReadAllText(file))))
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        var ids = pages.ToDictionary(
            p => p.Path,
            p => p.Document.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(p.Document.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        var broken = new List<BrokenOutputLink>();
        foreach (var (page, document) in pages)
        {
            var pageUrl = basePath + (page.EndsWith("index.html", StringComparison.Ordinal) ? page[..^"index.html".Length] : page);
            foreach (var (selector, attribute) in References)
            {
                foreach (var element in document.QuerySelectorAll(selector))
                {
                    foreach (var href in Values(element, attribute))
                    {
                        if (Problem(root, pageUrl, page, href, basePath, ids) is { } problem)
                            broken.Add(new BrokenOutputLink(page, attribute, href, problem));
                    }
                }
            }
        }

        return broken;
    }

    private static IEnumerable<string> Values(IElement element, string attribute)
    {
        var value = element.GetAttribute(attribute) ?? "";
        return attribute == "srcset"
            ? value.Split(',').Select(candidate => candidate.Trim().Split(' ')[0]).Where(url => url.Length > 0)
            : [value];
    }

    private static string? Problem(string root, string pageUrl, string page, string href, string basePath, Dictionary<string, HashSet<string>> ids)
    {
        if (href.Length == 0)
            return "is empty";
        if (href.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is not "file")
            return null;

        return Resolves(root, new Uri(new Uri("http://site" + pageUrl), href), basePath, page, ids);
    }

    /// Why <paramref name="resolved"/> (an absolute URL on the site's host) is not a file of
    /// the output folder served from <paramref name="basePath"/>, or null when it is one.
    internal static string? Resolves(string root, Uri resolved, string basePath, string? page, IReadOnlyDictionary<string, HashSet<string>> ids)
    {
        var path = Uri.UnescapeDataString(resolved.AbsolutePath);
        var fragment = resolved.Fragment.Length > 1 ? Uri.UnescapeDataString(resolved.Fragment[1..]) : null;
        // Both decoded: a base path such as /my%20repo/ is compared as the host reads it.
        var decodedBase = Uri.UnescapeDataString(basePath);
        if (!path.StartsWith(decodedBase, StringComparison.Ordinal))
            return $"leaves the site's base path {basePath}";

        var target = path[decodedBase.Length..];
        if (target.Length == 0 || target.EndsWith('/'))
            target += "index.html";
        if (!File.Exists(Path.Combine(root, target)))
        {
            if (File.Exists(Path.Combine(root, target, "index.html")))
                target += "/index.html";
            else
                return $"points to {path}, which is not in the output";
        }

        if (fragment is not null && ids.TryGetValue(target, out var targetIds) && !targetIds.Contains(fragment))
            return $"points to #{fragment}, which is not an id on {(target == page ? "this page" : target)}";
        return null;
    }

    private static string Relative(string root, string file) => Engine.DisplayPaths.Separators(Path.GetRelativePath(root, file));
}

public sealed record BrokenOutputLink(string Page, string Attribute, string Href, string Problem)
{
    public override string ToString() => $"{Page}: {Attribute}=\"{Href}\" {Problem}";
}
