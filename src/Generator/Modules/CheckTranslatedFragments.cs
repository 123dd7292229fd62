using Generator.Content;
using Generator.Engine;

namespace Generator.Modules;

/// A fragment link into a translated page must name a section that every language of the
/// page has (issue 17): the language switcher carries the fragment across, and readers
/// share links across languages. A section a link points to that one language lacks is an
/// error at the link (a fragment no language has is CheckLinks' GEN025).
public sealed class CheckTranslatedFragments : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var pages = context.OutputsOf(nameof(Pipelines.Content));
        var byUrl = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (page.Get<string>(Keys.Url) is { } url)
                byUrl.TryAdd(url, page);
        }

        foreach (var doc in pages)
        {
            foreach (var link in doc.Get<IReadOnlyList<LinkReference>>(Keys.Links) ?? [])
            {
                if (link.IsImage || link.Fragment is not { Length: > 0 } fragment || Find(byUrl, link.Target) is not { } target
                    || target.Get<Translations>(Keys.Translations) is not { Existing.Count: > 0 } translations
                    || !Sections(target).Contains(fragment))
                {
                    continue;
                }

                foreach (var translation in translations.Existing)
                {
                    if (!byUrl.TryGetValue(translation.Url, out var other) || Sections(other).Contains(fragment))
                        continue;
                    var theirs = Sections(other);
                    var listed = theirs.Count == 0 ? "it has no headings" : $"its sections there are {string.Join(", ", theirs.Order(StringComparer.Ordinal).Take(8).Select(s => "#" + s))}";
                    context.Error(DiagnosticCodes.TranslatedFragment, link.At,
                        $"'{link.Written}' links to section '#{fragment}' of {target.Get<string>(Keys.Url)}, which its translation {translation.Url} lacks ({listed}); "
                        + $"the language switcher carries the fragment, so give the heading in {other.Source} the same id: write {{#{fragment}}} at the end of its line");
                }
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>([]);
    }

    private static Document? Find(Dictionary<string, Document> byUrl, string target) =>
        byUrl.GetValueOrDefault(target) ?? (target.EndsWith('/') ? null : byUrl.GetValueOrDefault(target + "/"));

    private static HashSet<string> Sections(Document page) =>
        [.. (page.Get<IReadOnlyList<SectionId>>(Keys.SectionIds) ?? []).Select(s => s.Id).Where(id => id.Length > 0)];
}
