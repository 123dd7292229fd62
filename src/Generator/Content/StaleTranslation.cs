using Generator.Engine;

namespace Generator.Content;

/// A stale translation and what changed in its original since it was marked: one
/// diagnostic per block (GEN093 changed, GEN094 added, GEN095 removed), or one GEN096 when
/// the translation has no block record to compare with.
public sealed record StaleTranslation(string Translation, string Original, string? Commit, string? MarkedBy, IReadOnlyList<Diagnostic> Changes)
{
    /// Every stale translation of the site's pages (the Content pipeline's outputs of a
    /// check), in path order.
    public static IReadOnlyList<StaleTranslation> In(IReadOnlyList<Document> pages, string defaultLanguage, string inputFolder, CancellationToken cancel = default)
    {
        var originals = pages
            .Where(p => p.Source is not null && p.Get<string>(Keys.Lang) == defaultLanguage && p.Get<string>(Keys.TranslationKey) is not null)
            .GroupBy(p => p.Require<string>(Keys.TranslationKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var stale = pages
            .Where(p => p.Source is not null && p.Get<TranslationStatus?>(Keys.TranslationStatus) == TranslationStatus.Stale)
            .Where(p => originals.ContainsKey(p.Require<string>(Keys.TranslationKey)))
            .OrderBy(p => p.Source, StringComparer.Ordinal)
            .ToList();
        var results = new StaleTranslation[stale.Count];
        Parallel.For(0, stale.Count, new ParallelOptions { CancellationToken = cancel }, i =>
        {
            var page = stale[i];
            var original = originals[page.Require<string>(Keys.TranslationKey)];
            var record = TranslationRecord.Read(TranslationRecord.PathFor(inputFolder, page.Require<string>(Engine.Modules.ReadFiles.RelativePathKey)));
            if (record is null)
            {
                results[i] = new StaleTranslation(page.Source!, original.Source!, null, null,
                [
                    new Diagnostic(DiagnosticCodes.NoTranslationRecord, Severity.Warning, page.Require<FrontMatter>(Keys.FrontMatter).TranslatedFromAt ?? page.At(),
                        $"{original.Source} has changed, but this translation was marked before block records were kept, so which blocks changed is unknown; compare by hand once, then run 'translations mark {page.Source}'"),
                ]);
                return;
            }

            var now = TranslationBlocks.Of(original.Require<FrontMatter>(Keys.FrontMatter), original.Get<string>(Keys.Markdown) ?? "");
            var theirs = TranslationBlocks.Of(page.Require<FrontMatter>(Keys.FrontMatter), page.Get<string>(Keys.Markdown) ?? "");
            results[i] = new StaleTranslation(page.Source!, original.Source!, record.Commit, record.MarkedBy,
                TranslationChanges.Of(original.Source!, record.ToBlocks(), now, page.Source!, theirs));
        });
        return results;
    }
}
