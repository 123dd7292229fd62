namespace Generator.Content;

/// The other-language versions of a page: those that exist and the languages that lack one.
public sealed record Translations(IReadOnlyList<TranslationLink> Existing, IReadOnlyList<string> Missing)
{
    public static Translations None { get; } = new([], []);
}

public sealed record TranslationLink(string Lang, string Url, string Title);
