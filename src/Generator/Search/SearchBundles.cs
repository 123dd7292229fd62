using Generator.Engine;

namespace Generator.Search;

/// What one Pagefind run indexes: up to site.yml's search_bundle_pages pages of one language,
/// written to /pagefind/&lt;lang&gt;/&lt;number&gt;/ (numbered from 1, the oldest pages).
public sealed record SearchBundle(string Language, int Number, IReadOnlyList<string> Pages)
{
    /// The bundle's folder in the output, relative to its root: pagefind/en/1
    public string Folder => $"{Pagefind.BundleFolder}/{Language}/{Number}";
}

/// Cuts each language's indexed pages into bundles. A page is indexed when it carries
/// data-pagefind-body, as Pagefind itself decides (a run where no page carries it would index
/// every page whole, so only such pages go into a run). Bundles are cut oldest first by the
/// page's data-pagefind-sort date, so that a new topic changes only the newest bundle and the
/// search page can list "newest first" bundle after bundle, each already sorted by Pagefind.
public static class SearchBundles
{
    /// The list of a language's bundles, beside them: ["1/", "2/"], oldest first. The search
    /// page reads it, so a site that grows into more bundles changes no page.
    public const string ManifestName = "bundles.json";

    private const string BodyAttribute = "data-pagefind-body";
    private const string DateSort = "data-pagefind-sort=\"date:";

    /// The site path of a language's bundle list: /pagefind/en/bundles.json
    public static string ManifestPath(string language) => $"/{Pagefind.BundleFolder}/{language}/{ManifestName}";

    public static IReadOnlyList<SearchBundle> Plan(IEnumerable<Document> pages, IReadOnlyCollection<string> languages, int pagesPerBundle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pagesPerBundle, 1);
        var indexed = pages
            .Where(p => p.Content is { } html && p.Destination.EndsWith(".html", StringComparison.Ordinal) && IsIndexed(html))
            .Select(p => (Page: p.Destination, Lang: p.Get<string>(Keys.Lang) ?? "", Date: SortDate(p.Content!)))
            .Where(p => languages.Contains(p.Lang));
        return [.. indexed
            .GroupBy(p => p.Lang)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(language => language
                .OrderBy(p => p.Date, StringComparer.Ordinal)
                .ThenBy(p => p.Page, StringComparer.Ordinal)
                .Select(p => p.Page)
                .Chunk(pagesPerBundle)
                .Select((chunk, i) => new SearchBundle(language.Key, i + 1, chunk)))];
    }

    /// True when the attribute stands inside a tag, not in text that quotes it (a code
    /// sample's "&lt;article data-pagefind-body&gt;").
    internal static bool IsIndexed(string html)
    {
        for (var at = html.IndexOf(BodyAttribute, StringComparison.Ordinal); at >= 0; at = html.IndexOf(BodyAttribute, at + 1, StringComparison.Ordinal))
        {
            var end = at + BodyAttribute.Length;
            if (at > 0 && char.IsWhiteSpace(html[at - 1]) && end < html.Length && html[end] is '>' or '=' or '/' or ' ' or '\n' or '\t' or '\r'
                && html.LastIndexOf('<', at) > html.LastIndexOf('>', at))
                return true;
        }

        return false;
    }

    /// The page's data-pagefind-sort date (an ISO date sorts as text); "" for a page without one.
    private static string SortDate(string html)
    {
        var at = html.IndexOf(DateSort, StringComparison.Ordinal);
        if (at < 0)
            return "";
        at += DateSort.Length;
        var end = html.IndexOfAny(['"', ','], at);
        return end < 0 ? "" : html[at..end];
    }
}
