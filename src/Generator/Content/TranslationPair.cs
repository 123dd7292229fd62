using Generator.Engine;

namespace Generator.Content;

/// A translation beside its original, as a finished build made them: its status, the
/// record `translations mark` kept (read only for a stale translation: an up-to-date one
/// is compared with its original as it is now), and how the two line up block by block.
public sealed record TranslationPair(Document Translation, Document Original, TranslationStatus Status, TranslationRecord? Record, TranslationAlignment Alignment)
{
    /// Stale, but marked before block records were kept: which blocks changed is unknown.
    public bool Unrecorded => Status == TranslationStatus.Stale && Record is null;

    /// The default-language page of each translation key among <paramref name="pages"/>
    /// (the Content pipeline's outputs).
    public static Dictionary<string, Document> Originals(IReadOnlyList<Document> pages, string defaultLanguage) =>
        pages
            .Where(p => p.Source is not null && p.Get<string>(Keys.Lang) == defaultLanguage && p.Get<string>(Keys.TranslationKey) is not null)
            .GroupBy(p => p.Require<string>(Keys.TranslationKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static TranslationPair Of(Document translation, Document original, string inputFolder)
    {
        var status = translation.Get<TranslationStatus?>(Keys.TranslationStatus) ?? TranslationStatus.Unmarked;
        var record = status == TranslationStatus.Stale
            ? TranslationRecord.Read(TranslationRecord.PathFor(inputFolder, translation.Require<string>(Engine.Modules.ReadFiles.RelativePathKey)))
            : null;
        var now = TranslationBlocks.Of(original.Require<FrontMatter>(Keys.FrontMatter), original.Get<string>(Keys.Markdown) ?? "");
        var theirs = TranslationBlocks.Of(translation.Require<FrontMatter>(Keys.FrontMatter), translation.Get<string>(Keys.Markdown) ?? "");
        return new TranslationPair(translation, original, status, record, TranslationAlignment.Of(record?.ToBlocks() ?? now, now, theirs));
    }
}
