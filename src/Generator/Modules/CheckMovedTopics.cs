using Generator.Content;
using Generator.Editing;
using Generator.Engine;

namespace Generator.Modules;

/// `check` (issue 20): a topic published on the default branch whose address no page and no
/// alias carries now is an error, at the file it was renamed to (with the alias to add) or
/// at its old path when it was deleted. Researchers cite addresses; a move must leave a redirect.
/// Git is asked when the step runs (check has no session to keep it for).
public sealed class CheckMovedTopics(string inputFolder, string displayRoot) : IModule
{
    private sealed record Addresses(string? Url, IReadOnlyList<string> Aliases);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        if (PublishedTopics.Load(inputFolder, displayRoot, SiteData.Site(context)) is not { } published)
            return Task.FromResult<IReadOnlyList<Document>>([]);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in context.OutputsOf(nameof(Pipelines.Content), "CheckMovedTopics.Addresses", AddressesOf))
        {
            if (page.Url is not null)
                taken.Add(page.Url);
            taken.UnionWith(page.Aliases);
        }

        foreach (var topic in published.Gone.Where(t => !taken.Contains(t.Url)))
        {
            var alias = $"aliases: [{topic.Url}]";
            if (topic.RenamedTo is { } now)
                context.Error(DiagnosticCodes.MovedWithoutAlias, new SourcePosition(now, 1, 1),
                    $"was published as {topic.Path} at {topic.Url} (on {published.Branch}); add '{alias}' to its front matter so the old address leads here");
            else
                context.Error(DiagnosticCodes.MovedWithoutAlias, new SourcePosition(topic.Path, 0, 0),
                    $"was published at {topic.Url} (on {published.Branch}) and is gone; add '{alias}' to the front matter of the topic that replaces it");
        }

        return Task.FromResult(inputs);
    }

    private static Addresses AddressesOf(Document doc) =>
        new(doc.Get<string>(Keys.Url), [.. doc.Get<FrontMatter>(Keys.FrontMatter)?.Aliases.Select(a => a.Path) ?? []]);
}
