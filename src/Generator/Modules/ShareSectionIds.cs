using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Gives each translation its original's heading ids (issue 17), which RenderMarkdown
/// applies by structure: the same section has the same fragment in every language, so a
/// link such as /ja/…/#background and the language switcher's carried fragment land on it.
/// It reads only the ids, so an edit that leaves an original's headings alone passes by.
public sealed class ShareSectionIds : IReadsKeys
{
    public IReadOnlyList<string> Reads { get; } = [Keys.Lang, Keys.TranslationKey, Keys.SourceSectionIds];

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var site = SiteData.Site(context);
        var originals = new Dictionary<string, IReadOnlyList<SectionId>>(StringComparer.Ordinal);
        foreach (var doc in inputs.Where(d => d.Get<string>(Keys.Lang) == site.DefaultLanguage))
        {
            if (doc.Get<IReadOnlyList<SectionId>>(Keys.SourceSectionIds) is { Count: > 0 } ids)
                originals.TryAdd(doc.Require<string>(Keys.TranslationKey), ids);
        }

        var outputs = new List<Document>(inputs.Count);
        foreach (var doc in inputs)
        {
            outputs.Add(doc.Get<string>(Keys.Lang) != site.DefaultLanguage && originals.TryGetValue(doc.Require<string>(Keys.TranslationKey), out var ids)
                ? doc.With(Keys.OriginalSectionIds, ids)
                : doc);
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }
}
