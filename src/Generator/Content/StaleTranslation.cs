using Generator.Engine;

namespace Generator.Content;

/// A stale translation and what changed in its original since it was marked: one
/// diagnostic per block (GEN093 changed, GEN094 added, GEN095 removed), or one GEN096 when
/// the translation has no block record to compare with.
public sealed record StaleTranslation(string Translation, string Original, string? Commit, string? MarkedBy, IReadOnlyList<Diagnostic> Changes)
{
    /// Without a block record, which blocks changed is unknown: say that, not a count.
    public bool Unrecorded => Changes.Any(c => c.Code == DiagnosticCodes.NoTranslationRecord);

    /// What changed, in a few words: "3 blocks of input/en/… changed", or that it is unknown.
    public string Summary => Unrecorded
        ? $"which blocks of {Original} changed is unknown (it has no block record)"
        : Changes.Count == 0
            ? $"{Original} changed only in white space or line breaks"
            : $"{Changes.Count} block{(Changes.Count == 1 ? "" : "s")} of {Original} changed";

    /// Why a stale translation has no block record: it was marked before records were kept,
    /// or its record was deleted; both read the same, so the message names both.
    public static string NoRecord(string original, string translation, string recordPath) =>
        $"{original} has changed, but this translation has no block record ({recordPath} is missing: it was marked before block records were kept, or the record was deleted), "
        + $"so which blocks changed is unknown; compare by hand once, then run 'translations mark {translation}'";

    /// Every stale translation of the site's pages (the Content pipeline's outputs of a
    /// check), in path order.
    public static IReadOnlyList<StaleTranslation> In(IReadOnlyList<Document> pages, string defaultLanguage, string inputFolder, CancellationToken cancel = default)
    {
        var originals = TranslationPair.Originals(pages, defaultLanguage);
        var stale = pages
            .Where(p => p.Source is not null && p.Get<TranslationStatus?>(Keys.TranslationStatus) == TranslationStatus.Stale)
            .Where(p => originals.ContainsKey(p.Require<string>(Keys.TranslationKey)))
            .OrderBy(p => p.Source, StringComparer.Ordinal)
            .ToList();
        var results = new StaleTranslation[stale.Count];
        Parallel.For(0, stale.Count, new ParallelOptions { CancellationToken = cancel }, i =>
            results[i] = Of(TranslationPair.Of(stale[i], originals[stale[i].Require<string>(Keys.TranslationKey)], inputFolder)));
        return results;
    }

    /// What changed in a stale translation's original: the pair's changed rows as warnings.
    public static StaleTranslation Of(TranslationPair pair)
    {
        var (page, original) = (pair.Translation, pair.Original);
        if (pair.Record is not { } record)
        {
            return new StaleTranslation(page.Source!, original.Source!, null, null,
            [
                new Diagnostic(DiagnosticCodes.NoTranslationRecord, Severity.Warning, page.Require<FrontMatter>(Keys.FrontMatter).TranslatedFromAt ?? page.At(),
                    NoRecord(original.Source!, page.Source!, RecordPath(page))),
            ]);
        }

        return new StaleTranslation(page.Source!, original.Source!, record.Commit, record.MarkedBy, TranslationChanges.Of(original.Source!, pair.Alignment, page.Source!));
    }

    /// The record's path as the translation's own path shows it (input/.translations/ja/….yml).
    public static string RecordPath(Document translation)
    {
        var source = translation.Source!;
        var relative = translation.Require<string>(Engine.Modules.ReadFiles.RelativePathKey);
        var inputPrefix = source.EndsWith(relative, StringComparison.Ordinal) ? source[..^relative.Length] : "";
        return inputPrefix + TranslationRecord.Folder + "/" + Path.ChangeExtension(relative, ".yml");
    }
}
