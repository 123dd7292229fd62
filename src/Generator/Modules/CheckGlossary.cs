using Generator.Content;
using Generator.Engine;

namespace Generator.Modules;

/// The glossary's warnings (issue 17) in `check` and preview, where an editor looks: a
/// variant a prh rule forbids in a translation (GEN101), and a translated block whose
/// original uses a glossary term without its agreed translation (GEN102). Each translation
/// is checked on its own and depends on the glossary and on its original's text, so a save
/// checks the saved translation, or the translations of a saved original, and nothing else.
public sealed class CheckGlossary : DocumentModule<IReadOnlyDictionary<string, Document>>
{
    /// The default-language pages by translation key.
    protected override IReadOnlyDictionary<string, Document> Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var originals = new Dictionary<string, Document>(StringComparer.Ordinal);
        var defaultLanguage = SiteData.Site(context).DefaultLanguage;
        foreach (var doc in inputs)
        {
            if (doc.Source is not null && doc.Get<string>(Keys.Lang) == defaultLanguage && doc.Get<string>(Keys.TranslationKey) is { } key)
                originals.TryAdd(key, doc);
        }

        return originals;
    }

    /// What a translation's check reads of its original: where it is and its text.
    protected override object? Lookup(string key, IReadOnlyDictionary<string, Document> originals) => Read(originals.GetValueOrDefault(key));

    protected override Document? Execute(Document doc, IReadOnlyDictionary<string, Document> originals, BuildContext context)
    {
        var site = SiteData.Site(context);
        if (doc.Source is null || doc.Get<string>(Keys.Lang) is not { } lang || lang == site.DefaultLanguage || doc.Get<string>(Keys.TranslationKey) is not { } key)
            return doc;
        var glossary = SiteData.Glossary(context);
        if (glossary.Rules.Count == 0 && glossary.Terms.Count == 0)
            return doc;
        var original = originals.GetValueOrDefault(key);
        if (glossary.Terms.Count > 0)
            context.DependOn(key, Read(original));
        foreach (var warning in GlossaryCheck.OfPage(glossary, doc, glossary.Terms.Count > 0 ? original : null, site.DefaultLanguage))
            context.Report(warning);
        return doc;
    }

    private static (string? Source, string? Markdown)? Read(Document? original) =>
        original is null ? null : (original.Source, original.Get<string>(Keys.Markdown));
}
