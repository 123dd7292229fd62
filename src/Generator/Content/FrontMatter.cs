using System.Collections.Immutable;
using Generator.Engine;

namespace Generator.Content;

/// The validated front matter of a page. <see cref="SetKeys"/> says which keys the file
/// wrote itself, so a translation inherits only what it leaves out.
public sealed record FrontMatter
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public DateOnly? Date { get; init; }
    public int? Edition { get; init; }
    public string? Series { get; init; }
    public int? Number { get; init; }
    public ImmutableArray<string> Tags { get; init; } = [];
    public ImmutableArray<ImageEntry> Images { get; init; } = [];
    public string? Image { get; init; }
    public SourcePosition? ImageAt { get; init; }
    public bool Draft { get; init; }
    public string? TranslationKey { get; init; }
    public string? TranslationNote { get; init; }
    public string? Layout { get; init; }
    public SourcePosition? LayoutAt { get; init; }
    public SourcePosition? TranslationKeyAt { get; init; }

    /// The front matter did not parse, so nothing reports keys missing from it: the YAML
    /// error is the one cause (issue 13, A.15).
    public bool Unreadable { get; init; }

    /// Required keys whose absence the reader has already reported (blank, or misspelled
    /// as an unknown key), so no later check reports them missing again.
    public ImmutableHashSet<string> ReportedKeys { get; init; } = ImmutableHashSet<string>.Empty;

    /// Words the search index finds the page by without showing them: synonyms, other
    /// spellings, the other language's name (issue 7). Per language, never inherited.
    public ImmutableArray<string> SearchTerms { get; init; } = [];

    /// The fingerprint of the original this translation was made from (written by `translations mark`).
    public string? TranslatedFrom { get; init; }
    public SourcePosition? TranslatedFromAt { get; init; }
    public ImmutableHashSet<string> SetKeys { get; init; } = ImmutableHashSet<string>.Empty;

    /// The change history (issue 20), oldest first as written; per language, never inherited:
    /// a translation carries its own notes, for the same dates as its original (PairTranslations checks).
    public ImmutableArray<ChangeEntry> Changes { get; init; } = [];

    /// Old addresses of the page, each given a redirect page (issue 20); per language.
    public ImmutableArray<AliasEntry> Aliases { get; init; } = [];

    /// The translation key of the topic of a later edition that replaces this one (issue 20); language-neutral.
    public string? SupersededBy { get; init; }
    public SourcePosition? SupersededByAt { get; init; }

    /// The date of the last change that mattered, or null when the page never changed.
    public DateOnly? Updated => Changes.Length == 0 ? null : Changes.Max(c => c.Date);

    /// When the page last changed for readers: its last change, else its publication date
    /// (JSON-LD dateModified, the Atom entry's updated, the sitemap's lastmod).
    public DateOnly? Modified => Updated ?? Date;

    /// Keys that carry no language: a translation takes them from its default-language pair.
    public static readonly string[] LanguageNeutralKeys = ["edition", "number", "date", "tags", "image", "superseded_by"];

    public FrontMatter InheritFrom(FrontMatter original) => this with
    {
        Edition = SetKeys.Contains("edition") ? Edition : original.Edition ?? Edition,
        Number = SetKeys.Contains("number") ? Number : original.Number,
        Date = SetKeys.Contains("date") ? Date : original.Date,
        Tags = SetKeys.Contains("tags") ? Tags : original.Tags,
        Image = SetKeys.Contains("image") ? Image : original.Image,
        ImageAt = SetKeys.Contains("image") ? ImageAt : original.ImageAt,
        SupersededBy = SetKeys.Contains("superseded_by") ? SupersededBy : original.SupersededBy,
        SupersededByAt = SetKeys.Contains("superseded_by") ? SupersededByAt : original.SupersededByAt,
    };
}
