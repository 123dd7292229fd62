using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Pairs pages across languages by translation key, lets each translation inherit the
/// language-neutral keys it leaves out from its default-language original, and records
/// which languages have the page and which lack it.
/// Each page is paired on its own and depends on the pages of its translation key only, so
/// a save pairs again the saved page and its translations, not the site.
public sealed partial class PairTranslations(string inputFolder) : DocumentModule<IReadOnlyDictionary<string, IReadOnlyList<Document>>>
{
    /// What a page reads of the pages it pairs with: prepared from these alone, the groups
    /// stay as they were over a body edit, which changes none of them.
    protected override IReadOnlyList<string> PrepareReads { get; } = [Keys.TranslationKey, Keys.Lang, Keys.FrontMatter, Keys.Url];

    /// The pages of each translation key (seen through <see cref="PrepareReads"/>), in the order of their sources.
    protected override IReadOnlyDictionary<string, IReadOnlyList<Document>> Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var groups = new Dictionary<string, List<Document>>(StringComparer.Ordinal);
        foreach (var doc in inputs)
        {
            var key = doc.Require<string>(Keys.TranslationKey);
            if (!groups.TryGetValue(key, out var group))
                groups[key] = group = [];
            group.Add(doc);
        }

        return groups.ToDictionary(
            g => g.Key,
            g => g.Value.Count == 1 ? g.Value : (IReadOnlyList<Document>)[.. g.Value.OrderBy(d => d.Source, StringComparer.Ordinal)],
            StringComparer.Ordinal);
    }

    protected override object? Lookup(string key, IReadOnlyDictionary<string, IReadOnlyList<Document>> groups) => groups.GetValueOrDefault(key);

    protected override Document? Execute(Document doc, IReadOnlyDictionary<string, IReadOnlyList<Document>> groups, BuildContext context)
    {
        var key = doc.Require<string>(Keys.TranslationKey);
        var pages = groups[key];
        context.DependOn(key, pages);
        var group = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var lang = page.Require<string>(Keys.Lang);
            if (!group.TryGetValue(lang, out var first))
            {
                group[lang] = page;
                continue;
            }

            if (page.Source == doc.Source && page.Destination == doc.Destination)
            {
                ReportDuplicate(key, first, doc, context);
                return doc.With(Keys.Translations, Translations.None);
            }
        }

        return Pair(doc, group, SiteData.Site(context), context);
    }

    private Document Pair(Document doc, Dictionary<string, Document> group, SiteConfig site, BuildContext context)
    {
        var lang = doc.Require<string>(Keys.Lang);
        var matter = doc.Require<FrontMatter>(Keys.FrontMatter);
        var hasOriginal = group.TryGetValue(site.DefaultLanguage, out var original);
        if (lang != site.DefaultLanguage && hasOriginal)
        {
            WarnOfDraftOriginal(doc, matter, original!, site, context);
            matter = matter.InheritFrom(original!.Require<FrontMatter>(Keys.FrontMatter));
        }
        if (doc.Require<PageKind>(Keys.Kind) == PageKind.Topic)
            matter = CheckRecord(doc, matter, group, site, context);

        // One cause, one diagnostic (issue 13, A.15): nothing is missing from front matter
        // that did not parse or that misspelled the key; a translation's missing date is its
        // original's to report; a translation without an original is told that.
        if (doc.Require<PageKind>(Keys.Kind) == PageKind.Topic && matter.Date is null && !matter.SetKeys.Contains("date")
            && !matter.Unreadable && !matter.ReportedKeys.Contains("date"))
        {
            if (lang == site.DefaultLanguage)
                context.Report(FrontMatterReader.Missing(doc.At(), "date", "date: 2022-09-20"));
            else if (!hasOriginal && matter.TranslationKey is null
                && DraftFile.Find(inputFolder, [$"{site.DefaultLanguage}/{doc.Require<string>(Keys.TranslationKey)}.md"], context) is { } draft)
            {
                context.Error(DiagnosticCodes.MissingKey, doc.At(),
                    $"is a translation, but its {LanguageName(site, site.DefaultLanguage)} original {DraftFile.Shown(doc, draft)} is a draft ('draft: true'), so it has no date to take in a build without --drafts; "
                    + "remove 'draft: true' from the original to publish it, write 'date:' here, or keep this translation a draft too with 'draft: true'");
            }
            else if (!hasOriginal)
                context.Error(DiagnosticCodes.MissingKey, doc.At(), $"is a translation, but its {LanguageName(site, site.DefaultLanguage)} original is missing, so it has no date to take; add {ExpectedOriginal(doc, matter, site)}");
        }

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

    /// Preview and build --drafts publish drafts: a translation that is no draft and takes its
    /// date from a draft original is told here, so the error a build without drafts gives
    /// (GEN014) is seen before CI (issue 14).
    private static void WarnOfDraftOriginal(Document doc, FrontMatter matter, Document original, SiteConfig site, BuildContext context)
    {
        if (matter.Draft || doc.Require<PageKind>(Keys.Kind) != PageKind.Topic || matter.Date is not null || matter.SetKeys.Contains("date")
            || original.Get<FrontMatter>(Keys.FrontMatter) is not { Draft: true })
            return;
        context.Warning(DiagnosticCodes.NeedsDraft, doc.At(),
            $"takes its date from its {LanguageName(site, site.DefaultLanguage)} original {original.Source}, which is a draft ('draft: true'): shown here, "
            + $"but a build without --drafts leaves the original out and fails with {DiagnosticCodes.MissingKey}; remove 'draft: true' from the original to publish it, write 'date:' here, or keep this translation a draft too");
    }

    private static string LanguageName(SiteConfig site, string code) => site.Find(code) is { } language ? $"{language.Name} ({code})" : code;

    /// input/en/topics/2022/x.md for input/ja/topics/2022/x.md, or the page to give its translation_key.
    internal static string ExpectedOriginal(Document doc, FrontMatter matter, SiteConfig site)
    {
        var key = doc.Require<string>(Keys.TranslationKey);
        var relative = doc.Require<string>(Engine.Modules.ReadFiles.RelativePathKey);
        var source = doc.Source ?? relative;
        var root = source.EndsWith(relative, StringComparison.Ordinal) ? source[..^relative.Length] : "";
        var path = $"{root}{site.DefaultLanguage}/{key}.md";
        return matter.TranslationKey is null ? path : $"a page in {LanguageName(site, site.DefaultLanguage)} with 'translation_key: {key}'";
    }

    /// Reported at the translation_key that makes the clash (the later file's when both
    /// set one), naming the other file and where its key comes from.
    private static void ReportDuplicate(string key, Document first, Document second, BuildContext context)
    {
        var firstAt = first.Get<FrontMatter>(Keys.FrontMatter)?.TranslationKeyAt;
        var secondAt = second.Get<FrontMatter>(Keys.FrontMatter)?.TranslationKeyAt;
        var (culprit, at, other, otherAt) = secondAt is not null || firstAt is null
            ? (second, secondAt, first, firstAt)
            : (first, firstAt, second, secondAt);
        var origin = otherAt is { } set ? $"({set.Line},{set.Column})" : " (from its file name)";
        context.Error(DiagnosticCodes.DuplicateTranslationKey, at ?? culprit.At(),
            $"has the same translation key '{key}' as {other.Source}{origin} in the same language; give one of them its own translation_key");
    }
}
