using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Pairs pages across languages by translation key, lets each translation inherit the
/// language-neutral keys it leaves out from its default-language original, and records
/// which languages have the page and which lack it.
public sealed class PairTranslations(SiteConfig site) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var groups = new Dictionary<string, Dictionary<string, Document>>(StringComparer.Ordinal);
        var duplicates = new HashSet<Document>(ReferenceEqualityComparer.Instance);
        foreach (var doc in inputs.OrderBy(d => d.Source, StringComparer.Ordinal))
        {
            var key = doc.Require<string>(Keys.TranslationKey);
            var lang = doc.Require<string>(Keys.Lang);
            var group = groups.TryGetValue(key, out var found) ? found : groups[key] = new(StringComparer.Ordinal);
            if (group.TryGetValue(lang, out var first))
            {
                duplicates.Add(doc);
                context.Error(DiagnosticCodes.DuplicateTranslationKey, doc.At(),
                    $"has the same translation key '{key}' as {first.Source} in the same language; give one of them its own translation_key");
                continue;
            }

            group[lang] = doc;
        }

        var outputs = new List<Document>(inputs.Count);
        foreach (var doc in inputs)
        {
            if (duplicates.Contains(doc))
            {
                outputs.Add(doc.With(Keys.Translations, Translations.None));
                continue;
            }

            var group = groups[doc.Require<string>(Keys.TranslationKey)];
            outputs.Add(Pair(doc, group, context));
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    private Document Pair(Document doc, Dictionary<string, Document> group, BuildContext context)
    {
        var lang = doc.Require<string>(Keys.Lang);
        var matter = doc.Require<FrontMatter>(Keys.FrontMatter);
        if (lang != site.DefaultLanguage && group.TryGetValue(site.DefaultLanguage, out var original))
            matter = matter.InheritFrom(original.Require<FrontMatter>(Keys.FrontMatter));

        if (doc.Require<PageKind>(Keys.Kind) == PageKind.Topic && matter.Date is null && !matter.SetKeys.Contains("date"))
            context.Report(FrontMatterReader.Missing(doc.At(), "date", "date: 2022-09-20"));

        var existing = new List<TranslationLink>();
        var missing = new List<string>();
        foreach (var language in site.Languages.Where(l => l.Code != lang))
        {
            if (group.TryGetValue(language.Code, out var other))
                existing.Add(new TranslationLink(language.Code, other.Require<string>(Keys.Url), other.Require<FrontMatter>(Keys.FrontMatter).Title ?? ""));
            else
                missing.Add(language.Code);
        }

        return doc.With([
            new(Keys.FrontMatter, matter),
            new(Keys.Translations, new Translations(existing, missing)),
        ]);
    }
}
