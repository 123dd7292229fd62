using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Site;

namespace Generator.Modules;

/// Fingerprints each default-language page and compares every translation's
/// translated_from with its original's fingerprint (ok, stale or unmarked). With
/// <paramref name="report"/> (check and preview) missing, stale and unmarked translations
/// are warnings; `build` records the status for the pages' notices but stays quiet, so
/// a site in the middle of its translation work (or a benchmark corpus) builds cleanly.
/// An original's fingerprint already set by <see cref="FingerprintOriginals"/> (check and
/// preview, where each page's is kept between builds) is not computed again.
public sealed class CompareTranslations(SiteConfig site, bool report) : IReadsKeys
{
    public IReadOnlyList<string> Reads { get; } =
    [
        Keys.Lang, Keys.FrontMatter, Keys.TranslationKey, Keys.Translations, Engine.Modules.ReadFiles.RelativePathKey,
        .. report ? [Keys.Fingerprint] : new[] { Keys.Markdown, Keys.Fingerprint },
    ];

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        // An original is hashed only when something reads its fingerprint: every one for
        // check and preview (reports, `translations mark`), and for `build` only those a
        // translation was marked against (a site without marks hashes nothing).
        var originals = new Dictionary<string, (Document Doc, Lazy<string> Fingerprint)>(StringComparer.Ordinal);
        foreach (var doc in inputs.Where(d => d.Get<string>(Keys.Lang) == site.DefaultLanguage))
        {
            var matter = doc.Require<FrontMatter>(Keys.FrontMatter);
            var markdown = doc.Get<string>(Keys.Markdown) ?? "";
            // The fingerprint reads the front matter's texts and the body: all in the file's text.
            var fingerprint = new Lazy<string>(() => doc.Get<string>(Keys.Fingerprint) ?? TranslationFingerprint.Of(matter, markdown));
            originals.TryAdd(doc.Require<string>(Keys.TranslationKey), (doc, fingerprint));
        }

        if (report)
            ParallelMap.Run([.. originals.Values], context.CancellationToken, o => o.Fingerprint.Value);

        var outputs = new List<Document>(inputs.Count);
        foreach (var doc in inputs)
        {
            var lang = doc.Require<string>(Keys.Lang);
            var matter = doc.Require<FrontMatter>(Keys.FrontMatter);
            if (lang == site.DefaultLanguage)
            {
                ReportMissing(doc, context);
                var own = originals[doc.Require<string>(Keys.TranslationKey)];
                outputs.Add(report
                    ? doc.With([new(Keys.TranslationStatus, TranslationStatus.Original), new(Keys.Fingerprint, own.Fingerprint.Value)])
                    : doc.With(Keys.TranslationStatus, TranslationStatus.Original));
                continue;
            }

            if (!originals.TryGetValue(doc.Require<string>(Keys.TranslationKey), out var original))
            {
                ReportMissing(doc, context);
                outputs.Add(doc.With(Keys.TranslationStatus, TranslationStatus.Original));
                continue;
            }

            var status = StatusOf(matter, original.Fingerprint.Value);
            if (report && doc.Source is not null && status == TranslationStatus.Stale)
            {
                context.Warning(DiagnosticCodes.StaleTranslation, matter.TranslatedFromAt ?? doc.At(),
                    $"{original.Doc.Source} has changed since this translation was made; update the translation, then run 'translations mark {doc.Source}'");
            }
            else if (report && doc.Source is not null && status == TranslationStatus.Unmarked)
            {
                context.Warning(DiagnosticCodes.UnmarkedTranslation, doc.At(),
                    $"does not say which version of {original.Doc.Source} it translates; once it is up to date, run 'translations mark {doc.Source}'");
            }

            outputs.Add(doc.With(Keys.TranslationStatus, status));
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    /// A translation's status against its original's current fingerprint.
    public static TranslationStatus StatusOf(FrontMatter translation, string originalFingerprint) =>
        translation.TranslatedFrom is null ? TranslationStatus.Unmarked
        : translation.TranslatedFrom == originalFingerprint ? TranslationStatus.Ok
        : TranslationStatus.Stale;

    private void ReportMissing(Document doc, BuildContext context)
    {
        if (!report || doc.Source is null || doc.Get<Translations>(Keys.Translations) is not { Missing.Count: > 0 } translations)
            return;
        var relative = doc.Require<string>(Engine.Modules.ReadFiles.RelativePathKey);
        var inLanguage = relative[(relative.IndexOf('/') + 1)..];
        foreach (var code in translations.Missing)
        {
            var name = site.Find(code)?.Name ?? code;
            context.Warning(DiagnosticCodes.MissingTranslation, doc.At(),
                $"has no {name} ({code}) translation yet; add input/{code}/{inLanguage} (or a page with the same translation_key)");
        }
    }
}
