using Generator.Engine;

namespace Generator.Site;

/// An edition of the white paper as site.yml describes it (`editions:`, issue 20): its title
/// per language, when it was published, its ISBN and PDF per language. Every value is
/// optional; a topic of an edition site.yml does not describe is cited with the theme's
/// edition name and the topic's own year.
public sealed record Edition(int Year)
{
    public Localized Title { get; init; } = Localized.None;

    public DateOnly? Published { get; init; }

    /// ISBN-13 as written (hyphens kept), checked for its check digit.
    public string? Isbn { get; init; }

    /// The edition's PDF per language: an https:// address or a site path under /assets/.
    public Localized Pdf { get; init; } = Localized.None;

    public SourcePosition? At { get; init; }
}
