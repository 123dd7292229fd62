using AngleSharp.Html.Parser;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Once every pipeline has made its pages (layouts applied), checks that each link and
/// image in the content points at a file the build writes, and each fragment at an id of
/// the page it points to (issue 13: "#no-such-heading" passed). Only pages that a fragment
/// points at are parsed for their ids.
public sealed class CheckLinks(IReadOnlyList<string> pipelines) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var outputs = pipelines.SelectMany(context.OutputsOf).Where(d => d.Destination.Length > 0).ToList();
        var written = outputs.Select(d => d.Destination).ToHashSet(StringComparer.Ordinal);
        var byDestination = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var doc in outputs)
            byDestination.TryAdd(doc.Destination, doc);
        var ids = new Dictionary<string, IReadOnlySet<string>?>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        var pages = context.OutputsOf(nameof(Pipelines.Content));
        foreach (var doc in pages)
        {
            foreach (var link in doc.Get<IReadOnlyList<LinkReference>>(Keys.Links) ?? [])
            {
                if (!Exists(link.Target, written))
                {
                    var hint = Nearest(link.Target, written) is { } nearest ? $"; did you mean '{nearest}'?" : "";
                    if (link.IsImage)
                        context.Error(DiagnosticCodes.MissingImage, link.At, $"no image at '{link.Written}' (looked for input{link.Target}){hint}");
                    else
                        context.Error(DiagnosticCodes.BrokenLink, link.At, $"no page or file at '{link.Written}' (resolved to {link.Target}){hint}");
                    continue;
                }

                if (link.Fragment is not { } fragment || link.IsImage)
                    continue;
                var destination = written.Contains(SitePaths.Destination(link.Target)) ? SitePaths.Destination(link.Target) : link.Target.TrimStart('/') + "/index.html";
                if (!ids.TryGetValue(destination, out var targetIds))
                    ids[destination] = targetIds = IdsOf(byDestination[destination], parser);
                // A browser scrolls to the top for "#top" even without such an id.
                if (targetIds is null || targetIds.Contains(fragment) || fragment.Equals("top", StringComparison.OrdinalIgnoreCase))
                    continue;
                var page = link.Target == doc.Get<string>(Keys.Url) ? "this page" : link.Target;
                var suggestion = Suggestions.Closest(fragment, targetIds.Order(StringComparer.Ordinal)) is { } near ? $"; did you mean '#{near}'?" : "";
                context.Error(DiagnosticCodes.BrokenFragment, link.At, $"'{link.Written}' points to '#{fragment}', which is not a heading or id on {page}{suggestion}");
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>([]);
    }

    /// Every id of an HTML page (headings, figures, explicit ids, the layout's own) and the
    /// names of its &lt;a name&gt; anchors; null for a file that is not HTML.
    private static HashSet<string>? IdsOf(Document page, HtmlParser parser)
    {
        if (!page.Destination.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || page.Content is not { } html)
            return null;
        using var parsed = parser.ParseDocument(html);
        return [.. parsed.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(parsed.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!))];
    }

    public static bool Exists(string target, IReadOnlySet<string> written)
    {
        var path = target.TrimStart('/');
        return written.Contains(SitePaths.Destination(target))
            || (!target.EndsWith('/') && written.Contains(path + "/index.html"));
    }

    /// A likely intended target: a sibling in the same folder whose last segment is one
    /// typo away, so a missing photo is never "corrected" to an unrelated file.
    private static string? Nearest(string target, HashSet<string> written)
    {
        var trimmed = target.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        if (cut < 0)
            return null;
        var folder = trimmed[..(cut + 1)];
        var trailing = target.EndsWith('/') ? "/" : "";
        var siblings = written
            .Select(w => "/" + (w.EndsWith("/index.html", StringComparison.Ordinal) ? w[..^"/index.html".Length] + "/" : w))
            .Where(p => p.StartsWith(folder, StringComparison.Ordinal) && p.Length > folder.Length && p.IndexOf('/', folder.Length) is var slash && (slash < 0 || slash == p.Length - 1))
            .Select(p => p[folder.Length..].TrimEnd('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return Suggestions.Closest(trimmed[(cut + 1)..], siblings) is { } name ? folder + name + trailing : null;
    }
}
