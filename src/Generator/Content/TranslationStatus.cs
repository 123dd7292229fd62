namespace Generator.Content;

/// Where a page stands against its default-language original.
public enum TranslationStatus
{
    /// The page is in the default language (or has no original to compare with).
    Original,

    /// translated_from matches the original's current text.
    Ok,

    /// The original's text changed after the translation was marked.
    Stale,

    /// The translation has no translated_from yet, so its freshness is unknown.
    Unmarked,
}
