using Generator.Content;
using Generator.Editing;
using Generator.Engine;

namespace Generator.Modules;

/// `check` (issue 20): an address the default branch published that no page and no alias
/// carries now is an error. A topic renamed (with git mv, or a plain mv Git does not see
/// yet) is told at its new file, with the alias to add; a deleted one at its old path; an
/// alias removed from a file that is still there at that file's aliases. Researchers cite
/// addresses; a move must leave a redirect. Git is asked when the step runs (check has no
/// session to keep it for).
public sealed class CheckMovedTopics(string inputFolder, string displayRoot) : IModule
{
    private sealed record Addresses(string? Source, string? Url, IReadOnlyList<string> Aliases, SourcePosition? AliasesAt);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        if (PublishedTopics.Load(inputFolder, displayRoot, SiteData.Site(context)) is not { } published)
            return Task.FromResult<IReadOnlyList<Document>>([]);
        // Hosts that ignore case serve /en/Old/ for /en/old/, and aliases collide so (GEN111).
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var aliasesAt = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var page in context.OutputsOf(nameof(Pipelines.Content), "CheckMovedTopics.Addresses", AddressesOf))
        {
            if (page.Url is not null)
                taken.Add(page.Url);
            taken.UnionWith(page.Aliases);
            if (page.Source is not null && page.AliasesAt is { } at)
                aliasesAt.TryAdd(page.Source, at);
        }

        var branch = published.Branch;
        foreach (var topic in published.Changed)
        {
            if (topic.Topic && topic.Gone && !taken.Contains(topic.Url))
            {
                var alias = $"aliases: [{topic.Url}]";
                if (topic.Now is { } now)
                    context.Error(DiagnosticCodes.MovedWithoutAlias, new SourcePosition(now, 1, 1),
                        $"was published as {topic.Path} at {topic.Url} (on {branch}); add '{alias}' to its front matter so the old address leads here");
                else
                    context.Error(DiagnosticCodes.MovedWithoutAlias, new SourcePosition(topic.Path, 0, 0),
                        $"was published at {topic.Url} (on {branch}) and is gone; add '{alias}' to the front matter of the topic that replaces it");
            }

            foreach (var old in topic.Aliases.Where(a => !taken.Contains(a)))
            {
                if (topic.Now is null)
                    context.Error(DiagnosticCodes.MovedWithoutAlias, new SourcePosition(topic.Path, 0, 0),
                        $"was published with the alias {old} (on {branch}) and is gone; add 'aliases: [{old}]' to the front matter of the page that replaces it");
                else if (topic.Gone)
                    context.Error(DiagnosticCodes.MovedWithoutAlias, new SourcePosition(topic.Now, 1, 1),
                        $"was published as {topic.Path} with the alias {old} (on {branch}); keep '{old}' in its aliases so that old address leads here");
                else
                    context.Error(DiagnosticCodes.MovedWithoutAlias, aliasesAt.GetValueOrDefault(topic.Now, new SourcePosition(topic.Now, 1, 1)),
                        $"had the alias {old} when it was published (on {branch}), and no page or alias carries that address now; keep '{old}' in its aliases so the old address still leads here");
            }
        }

        return Task.FromResult(inputs);
    }

    /// A page's addresses, and where its aliases key is written (its Markdown: the content is HTML by now).
    private static Addresses AddressesOf(Document doc) =>
        new(doc.Source, doc.Get<string>(Keys.Url), [.. (doc.Get<FrontMatter>(Keys.FrontMatter)?.Aliases ?? []).Select(a => a.Path)],
            doc.Source is null ? null : KeyPosition.Of(doc with { Content = doc.Get<string>(Keys.Markdown) }, "aliases"));
}
