using Generator.Content;
using Generator.Engine;

namespace Generator.Modules;

/// A fragment link into a translated page must name a section that every language of the
/// page has (issue 17): the language switcher carries the fragment across, and readers
/// share links across languages. A section a link points to that one language lacks is an
/// error at the link (a fragment no language has is CheckLinks' GEN025). Each page is
/// checked on its own and depends on the sections and translations of the pages its
/// fragment links point at, so a save checks again the pages that link into the saved one.
public sealed class CheckTranslatedFragments : DocumentModule<IReadOnlyDictionary<string, Document>>
{
    /// What a link's check reads of the page at an address: where it is, its sections and translations.
    private sealed record Target(string Url, string? Source, IReadOnlyList<string> Sections, IReadOnlyList<string> Translations);

    protected override IReadOnlyList<string> PrepareReads { get; } = [Keys.Url, Keys.SectionIds, Keys.Translations];

    /// The Content pages by address.
    protected override IReadOnlyDictionary<string, Document> Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var byUrl = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var page in inputs)
        {
            if (page.Get<string>(Keys.Url) is { } url)
                byUrl.TryAdd(url, page);
        }

        return byUrl;
    }

    protected override object? Lookup(string key, IReadOnlyDictionary<string, Document> byUrl) => Find(byUrl, key);

    /// Passes every page on (CheckLinks after it checks them too).
    protected override Document? Execute(Document doc, IReadOnlyDictionary<string, Document> byUrl, BuildContext context)
    {
        foreach (var link in doc.Get<IReadOnlyList<LinkReference>>(Keys.Links) ?? [])
        {
            if (link.IsImage || link.Fragment is not { Length: > 0 } fragment)
                continue;
            var target = Find(byUrl, link.Target);
            context.DependOn(link.Target, target);
            if (target is not { Translations.Count: > 0 } || !target.Sections.Contains(fragment))
                continue;

            foreach (var url in target.Translations)
            {
                var other = Find(byUrl, url);
                context.DependOn(url, other);
                if (other is null || other.Sections.Contains(fragment))
                    continue;
                var listed = other.Sections.Count == 0 ? "it has no headings" : $"its sections there are {string.Join(", ", other.Sections.Order(StringComparer.Ordinal).Take(8).Select(s => "#" + s))}";
                context.Error(DiagnosticCodes.TranslatedFragment, link.At,
                    $"'{link.Written}' links to section '#{fragment}' of {target.Url}, which its translation {url} lacks ({listed}); "
                    + $"the language switcher carries the fragment, so give the heading in {other.Source} the same id: write {{#{fragment}}} at the end of its line");
            }
        }

        return doc;
    }

    private static Target? Find(IReadOnlyDictionary<string, Document> byUrl, string address) =>
        (byUrl.GetValueOrDefault(address) ?? (address.EndsWith('/') ? null : byUrl.GetValueOrDefault(address + "/"))) is not { } page ? null
        : new Target(
            page.Require<string>(Keys.Url),
            page.Source,
            [.. (page.Get<IReadOnlyList<SectionId>>(Keys.SectionIds) ?? []).Select(s => s.Id).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)],
            [.. (page.Get<Translations>(Keys.Translations)?.Existing ?? []).Select(t => t.Url)]);
}
