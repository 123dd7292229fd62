using AngleSharp.Html.Parser;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Once every pipeline has made its pages (layouts applied), checks that each link and
/// image of a page points at a file the build writes, and each fragment at an id of the
/// page it points to (issue 13: "#no-such-heading" passed). Its inputs are the Content
/// pages; each is checked on its own and depends on the set of written files and on the
/// ids of the pages its fragments point at, so a save checks that page again and the
/// pages whose fragments point into it, not the site.
public sealed class CheckLinks(IReadOnlyList<string> pipelines, string inputFolder) : DocumentModule<CheckLinks.Targets>
{
    private const string WrittenKey = "written";
    private const string SuggestableKey = "suggestable";
    private const string IdsKey = "ids ";
    private const string DraftKey = "draft ";

    /// What a session keeps between builds: the last targets, so an unchanged set of
    /// destinations is not gathered again and unchanged pages are not parsed again for ids.
    private sealed class Kept
    {
        public Targets? Last { get; set; }
    }

    /// Every file the build writes, and where each is made; kept while no destination changed.
    public sealed class Targets(IReadOnlyList<IReadOnlyList<Document>> lists, HashSet<string> written, Dictionary<string, (int List, int Index)> where,
        HashSet<string> suggestable)
    {
        /// What a missing target may be a typo of: the files written, and the photos left
        /// unpublished because no page shows them (the mistyped page may be the one meant to).
        public HashSet<string> Suggestable => suggestable;

        public IReadOnlyList<IReadOnlyList<Document>> Lists => lists;

        public HashSet<string> Written => written;

        public Document? At(string destination) =>
            where.TryGetValue(destination, out var at) ? lists[at.List][at.Index] : null;

        public Targets With(IReadOnlyList<IReadOnlyList<Document>> now) => new(now, written, where, suggestable);
    }

    protected override Targets Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var lists = pipelines.Select(context.OutputsOf).ToList();
        var kept = context.Memory<Kept>();
        if (kept.Last is { } last && SameDestinations(last.Lists, lists))
            return kept.Last = last.With(lists);

        var written = new HashSet<string>(StringComparer.Ordinal);
        var where = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var unpublished = new HashSet<string>(StringComparer.Ordinal);
        for (var l = 0; l < lists.Count; l++)
        {
            for (var i = 0; i < lists[l].Count; i++)
            {
                if (lists[l][i].Get<string>(Keys.NotPublishedAt) is { } notPublished)
                    unpublished.Add(notPublished);
                if (lists[l][i].Destination is not { Length: > 0 } destination)
                    continue;
                written.Add(destination);
                where.TryAdd(destination, (l, i));
            }
        }

        unpublished.UnionWith(written);
        return kept.Last = new Targets(lists, written, where, unpublished);
    }

    private static bool SameDestinations(IReadOnlyList<IReadOnlyList<Document>> a, IReadOnlyList<IReadOnlyList<Document>> b)
    {
        for (var l = 0; l < a.Count; l++)
        {
            if (a[l].Count != b[l].Count)
                return false;
            for (var i = 0; i < a[l].Count; i++)
            {
                if (!ReferenceEquals(a[l][i], b[l][i]) && (a[l][i].Destination != b[l][i].Destination
                    || a[l][i].Get<string>(Keys.NotPublishedAt) != b[l][i].Get<string>(Keys.NotPublishedAt)))
                    return false;
            }
        }

        return true;
    }

    protected override object? Lookup(string key, Targets targets) =>
        key == WrittenKey ? targets.Written : key == SuggestableKey ? targets.Suggestable
        : key.StartsWith(DraftKey, StringComparison.Ordinal) ? DraftAt(targets.At(key[DraftKey.Length..]))
        : IdsOf(targets.At(key[IdsKey.Length..]));

    /// The source of a page made from a draft (preview, build --drafts), or null.
    private static string? DraftAt(Document? page) => page?.Get<FrontMatter>(Keys.FrontMatter) is { Draft: true } ? page.Source : null;

    protected override Document? Execute(Document doc, Targets targets, BuildContext context)
    {
        var links = doc.Get<IReadOnlyList<LinkReference>>(Keys.Links) ?? [];
        if (links.Count == 0)
            return null;
        var written = targets.Written;
        context.DependOn(WrittenKey, written);
        foreach (var link in links)
        {
            if (!Exists(link.Target, written))
            {
                context.DependOn(SuggestableKey, targets.Suggestable);
                var hint = FromTheFile(link, targets.Suggestable) is { } up ? $"; did you mean '{up}'? (a relative path starts from the page's address, which is a folder, not from its Markdown file)"
                    : Nearest(link.Target, targets.Suggestable) is { } nearest ? $"; did you mean '{nearest}'?" : "";
                if (link.IsImage)
                    context.Error(DiagnosticCodes.MissingImage, link.At, $"no image at '{link.Written}' (looked for input{link.Target}){hint}");
                else if (DraftFile.Find(inputFolder, DraftFile.Behind(link.Target), context) is { } draft)
                {
                    context.Error(DiagnosticCodes.BrokenLink, link.At,
                        $"'{link.Written}' is a draft ({DraftFile.Shown(doc, draft)} has 'draft: true'), so a build without --drafts has no page at {link.Target}; "
                        + "remove 'draft: true' from it to publish it, or drop the link until it is");
                }
                else
                    context.Error(DiagnosticCodes.BrokenLink, link.At, $"no page or file at '{link.Written}' (resolved to {link.Target}){hint}");
                continue;
            }

            if (!link.IsImage && doc.Get<FrontMatter>(Keys.FrontMatter) is { Draft: false })
                WarnOfDraft(link, targets, context);

            if (link.Fragment is not { } fragment || link.IsImage)
                continue;
            var destination = written.Contains(SitePaths.Destination(link.Target)) ? SitePaths.Destination(link.Target) : link.Target.TrimStart('/') + "/index.html";
            var targetIds = IdsOf(targets.At(destination));
            context.DependOn(IdsKey + destination, targetIds);
            // A browser scrolls to the top for "#top" even without such an id.
            if (targetIds is null || targetIds.Contains(fragment) || fragment.Equals("top", StringComparison.OrdinalIgnoreCase))
                continue;
            var page = link.Target == doc.Get<string>(Keys.Url) ? "this page" : link.Target;
            var suggestion = Suggestions.Closest(fragment, targetIds.Order(StringComparer.Ordinal)) is { } near ? $"; did you mean '#{near}'?" : "";
            context.Error(DiagnosticCodes.BrokenFragment, link.At, $"'{link.Written}' points to '#{fragment}', which is not a heading or id on {page}{suggestion}");
        }

        return null;
    }

    /// Preview and build --drafts publish drafts; a page that is no draft and links to one is
    /// told here, so the error a build without drafts gives is seen before CI (issue 14).
    private static void WarnOfDraft(LinkReference link, Targets targets, BuildContext context)
    {
        var destination = targets.Written.Contains(SitePaths.Destination(link.Target)) ? SitePaths.Destination(link.Target) : link.Target.TrimStart('/') + "/index.html";
        var draft = DraftAt(targets.At(destination));
        context.DependOn(DraftKey + destination, draft);
        if (draft is not null)
        {
            context.Warning(DiagnosticCodes.NeedsDraft, link.At,
                $"'{link.Written}' is a draft ({draft} has 'draft: true'): shown here, but a build without --drafts has no page there and fails with {DiagnosticCodes.BrokenLink}; "
                + "remove 'draft: true' from it to publish it, or drop the link until it is");
        }
    }

    /// Every id of an HTML page (headings, figures, explicit ids, the layout's own) and the
    /// names of its &lt;a name&gt; anchors; null for a file that is not HTML. Parsed once per
    /// page as made (the same document object gives the same set).
    private static IReadOnlySet<string>? IdsOf(Document? page) => page?.Derive<IReadOnlySet<string>?>("ids", p =>
    {
        if (!p.Destination.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || p.Content is not { } html)
            return null;
        using var parsed = new HtmlParser().ParseDocument(html);
        return new HashSet<string>(parsed.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(parsed.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)), StringComparer.Ordinal);
    });

    public static bool Exists(string target, IReadOnlySet<string> written)
    {
        var path = target.TrimStart('/');
        return written.Contains(SitePaths.Destination(target))
            || (!target.EndsWith('/') && written.Contains(path + "/index.html"));
    }

    /// A relative path written from the Markdown file's folder (pic.jpg beside
    /// topics/2022/x.md) resolves from the page's address (/en/topics/2022/x/) one folder too
    /// deep: the path that reaches the file, "../pic.jpg", when it exists.
    private static string? FromTheFile(LinkReference link, HashSet<string> known)
    {
        if (link.Written.StartsWith('/') || SitePaths.IsExternal(link.Written) || link.Written.StartsWith('#'))
            return null;
        var target = link.Target.TrimEnd('/');
        var file = target.LastIndexOf('/');
        var folder = file > 0 ? target.LastIndexOf('/', file - 1) : -1;
        if (folder < 0)
            return null;
        var up = target[..(folder + 1)] + target[(file + 1)..] + (link.Target.EndsWith('/') ? "/" : "");
        return Exists(up, known) ? "../" + link.Written : null;
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
