using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Editing;
using Generator.Site;

namespace Generator.Modules;

/// Fingerprints each default-language page and compares every translation's
/// translated_from with its original's fingerprint (ok, stale or unmarked). With
/// <paramref name="report"/> (check and preview) missing, stale and unmarked translations
/// are warnings; `build` records the status for the pages' notices but stays quiet, so
/// a site in the middle of its translation work (or a benchmark corpus) builds cleanly.
/// An original's fingerprint already set by <see cref="FingerprintOriginals"/> (check and
/// preview, where each page's is kept between builds) is not computed again. Each page is
/// compared on its own: a translation depends on its original's fingerprint only, so a
/// saved original is compared again with its own translations and nothing else.
/// With <paramref name="minor"/>, a stale translation whose original changed since its mark
/// only in commits marked <c>Translation: minor</c> is up to date (issue 17).
public sealed class CompareTranslations(string inputFolder, bool report, MinorCommits? minor = null)
    : DocumentModule<IReadOnlyDictionary<string, CompareTranslations.Original>>
{
    /// A default-language page as its translations see it: where it is and its fingerprint
    /// (computed when first asked for).
    public sealed class Original(string? source, string? file, Lazy<string> fingerprint)
    {
        public string? Source => source;

        /// The original's file on disk (absolute), when it is one.
        public string? File => file;

        public string Fingerprint => fingerprint.Value;
    }

    protected override IReadOnlyDictionary<string, Original> Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        // An original is hashed only when something reads its fingerprint: every one for
        // check and preview (reports, `translations mark`), and for `build` only those a
        // translation was marked against (a site without marks hashes nothing).
        var defaultLanguage = SiteData.Site(context).DefaultLanguage;
        var originals = new Dictionary<string, Original>(StringComparer.Ordinal);
        foreach (var doc in inputs)
        {
            if (doc.Get<string>(Keys.Lang) != defaultLanguage)
                continue;
            // The fingerprint reads the front matter's texts and the body: all in the file's text.
            // One made already (check and preview) is taken as it is, with no lock to pass.
            var fingerprint = doc.Get<string>(Keys.Fingerprint) is { } made
                ? new Lazy<string>(made)
                : new Lazy<string>(() => TranslationFingerprint.Of(doc.Require<FrontMatter>(Keys.FrontMatter), doc.Get<string>(Keys.Markdown) ?? ""));
            originals.TryAdd(doc.Require<string>(Keys.TranslationKey), new Original(doc.Source, doc.SourceFile, fingerprint));
        }

        return originals;
    }

    /// What a translation read of its original: where it is and its fingerprint.
    protected override object? Lookup(string key, IReadOnlyDictionary<string, Original> originals) =>
        key == HeadKey ? head.Value
        : originals.TryGetValue(key, out var original) ? (original.Source, original.Fingerprint) : null;

    // What a waiver read of the history; asked once per build (a module lives for one build).
    private const string HeadKey = "\0git HEAD";
    private readonly Lazy<string?> head = new(() => minor?.Head());

    protected override Document? Execute(Document doc, IReadOnlyDictionary<string, Original> originals, BuildContext context)
    {
        var lang = doc.Require<string>(Keys.Lang);
        var matter = doc.Require<FrontMatter>(Keys.FrontMatter);
        var key = doc.Require<string>(Keys.TranslationKey);
        var site = SiteData.Site(context);
        if (lang == site.DefaultLanguage)
        {
            ReportMissing(doc, site, context);
            return report
                ? doc.With([new(Keys.TranslationStatus, TranslationStatus.Original), new(Keys.Fingerprint, originals[key].Fingerprint)])
                : doc.With(Keys.TranslationStatus, TranslationStatus.Original);
        }

        if (!originals.TryGetValue(key, out var original) || original.Source is null)
        {
            // No original file: none, or the home page made for a language without index.md.
            context.DependOn(key, original is null ? null : (original.Source, original.Fingerprint));
            if (matter.TranslatedFrom is null)
                ReportMissing(doc, site, context);
            else if (report && doc.Source is not null)
                ReportOriginalGone(doc, matter, site, context);
            return doc.With(Keys.TranslationStatus, TranslationStatus.Original);
        }

        context.DependOn(key, (original.Source, original.Fingerprint));
        var status = StatusOf(matter, original.Fingerprint);
        if (status == TranslationStatus.Stale && Waived(doc, matter, original, context) is { } waiver)
        {
            if (report && doc.Source is not null)
            {
                context.Note(DiagnosticCodes.MinorCommit, matter.TranslatedFromAt ?? doc.At(),
                    $"{original.Source} changed since this translation was marked only in commits whose message says '{MinorCommits.Trailer}: {MinorCommits.Minor}' "
                    + $"(the last {waiver.Commit[..Math.Min(12, waiver.Commit.Length)]}, by {waiver.By}), so it stays up to date; run 'translations mark {doc.Source}' to record that decision");
            }

            return doc.With([new(Keys.TranslationStatus, TranslationStatus.Ok), new(Keys.MinorCommit, waiver)]);
        }

        if (report && doc.Source is not null && status == TranslationStatus.Stale)
        {
            context.Warning(DiagnosticCodes.StaleTranslation, matter.TranslatedFromAt ?? doc.At(),
                $"{original.Source} has changed since this translation was made; update the translation, then run 'translations mark {doc.Source}'");
        }
        else if (report && doc.Source is not null && status == TranslationStatus.Unmarked)
        {
            context.Warning(DiagnosticCodes.UnmarkedTranslation, doc.At(),
                $"does not say which version of {original.Source} it translates; once it is up to date, run 'translations mark {doc.Source}'");
        }

        return doc.With(Keys.TranslationStatus, status);
    }

    /// The commits marked minor that carry a stale translation over its original's change:
    /// read only when the translation's record (read through the context, so a new mark is a
    /// change) matches its translated_from and names the commit it was marked at.
    private MinorCommit? Waived(Document doc, FrontMatter matter, Original original, BuildContext context)
    {
        if (minor is null || original.File is null || doc.Get<string>(Engine.Modules.ReadFiles.RelativePathKey) is not { } relative)
            return null;
        // Read before it is known whether there is history at all: a work tree that appears is a change too.
        context.DependOn(HeadKey, head.Value);
        if (!minor.InWorkTree)
            return null;
        var record = context.ReadFile(TranslationRecord.PathFor(minor.InputFolder, relative), "translation record", TranslationRecord.Read);
        if (record is not { Commit: { Length: > 0 } commit } || record.Fingerprint != matter.TranslatedFrom)
            return null;
        return minor.Waiver(commit, original.File, record.Fingerprint, record.OriginalModified == true);
    }

    /// A translation's status against its original's current fingerprint.
    public static TranslationStatus StatusOf(FrontMatter translation, string originalFingerprint) =>
        translation.TranslatedFrom is null ? TranslationStatus.Unmarked
        : translation.TranslatedFrom == originalFingerprint ? TranslationStatus.Ok
        : TranslationStatus.Stale;

    /// A marked translation whose original was deleted or renamed is neither stale nor up to
    /// date (issue 14: it said " has changed"): name the file it pairs with and the ways out.
    private static void ReportOriginalGone(Document doc, FrontMatter matter, SiteConfig site, BuildContext context)
    {
        var language = site.Find(site.DefaultLanguage) is { } found ? $"{found.Name} ({found.Code})" : site.DefaultLanguage;
        var original = PairTranslations.ExpectedOriginal(doc, matter, site);
        context.Warning(DiagnosticCodes.OriginalMissing, matter.TranslatedFromAt ?? doc.At(),
            $"was marked as the translation of {original}, but that {language} original is missing (deleted or renamed); "
            + "restore it, set 'translation_key' to the key of the page it translates now, or delete this translation");
    }

    private void ReportMissing(Document doc, SiteConfig site, BuildContext context)
    {
        if (!report || doc.Source is null || doc.Get<Translations>(Keys.Translations) is not { Missing.Count: > 0 } translations)
            return;
        var relative = doc.Require<string>(Engine.Modules.ReadFiles.RelativePathKey);
        var inLanguage = relative[(relative.IndexOf('/') + 1)..];
        foreach (var code in translations.Missing)
        {
            var name = site.Find(code)?.Name ?? code;
            // The file that would pair by path may be there as a draft, left out of this build (issue 14).
            if (DraftFile.Find(inputFolder, [$"{code}/{inLanguage}"], context) is { } draft)
            {
                context.Warning(DiagnosticCodes.MissingTranslation, doc.At(),
                    $"its {name} ({code}) version {DraftFile.Shown(doc, draft)} is a draft ('draft: true'), so this page is published without it; remove 'draft: true' from it when it is ready");
                continue;
            }

            context.Warning(DiagnosticCodes.MissingTranslation, doc.At(),
                $"has no {name} ({code}) translation yet; add input/{code}/{inLanguage} (or a page with the same translation_key)");
        }
    }
}
