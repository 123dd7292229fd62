using Generator.Engine;

namespace Generator.Site;

/// site.yml's publisher: who publishes the site (issue 15). An official publication says
/// whose it is on every page, in print, in feeds and in structured data. Every value but
/// the logo is per language (a scalar stands for every language). An address is either
/// https://… or a page path of every language ("legal/terms" is /en/legal/terms/ on
/// English pages and /ja/legal/terms/ on Japanese ones).
public sealed record Publisher
{
    /// The organisation's name ("Ministry of Foreign Affairs of Japan", "外務省"): required.
    public required Localized Name { get; init; }

    /// The organisation's own site.
    public Localized Url { get; init; } = Localized.None;

    public string NameIn(string lang) => Name.In(lang) ?? Name.Values.Values.FirstOrDefault() ?? "";

    /// The logo as a site path under /assets/ ("/assets/images/publisher.svg"), or null.
    public string? Logo { get; init; }
    public SourcePosition? LogoAt { get; init; }

    /// "© 2023 Ministry of Foreign Affairs of Japan".
    public Localized Copyright { get; init; } = Localized.None;

    /// The licence's name and address.
    public Localized Licence { get; init; } = Localized.None;
    public Localized LicenceUrl { get; init; } = Localized.None;

    /// The official publication the site republishes: its name and address.
    public Localized Source { get; init; } = Localized.None;
    public Localized SourceUrl { get; init; } = Localized.None;

    /// Legal pages (terms, privacy, accessibility, contact) in every page's footer.
    public IReadOnlyList<PublisherLink> Links { get; init; } = [];

    /// Every address of the block with where it was written, for the check that pages exist.
    public IEnumerable<Localized> Addresses => [Url, LicenceUrl, SourceUrl, .. Links.Select(l => l.Url)];

    /// An address as an href for a page in <paramref name="lang"/>, or null when there is none.
    public static string? Href(Localized address, string lang, SiteConfig site) =>
        address.In(lang) is not { } value ? null
        : IsExternal(value) ? value
        : site.Href(PagePath(lang, value));

    /// The site path of a page address in a language: "legal/terms" → "/en/legal/terms/".
    public static string PagePath(string lang, string value) => $"/{lang}/{value.Trim('/')}/";

    public static bool IsExternal(string value) =>
        value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal);
}

/// A legal page in the footer: its name and address per language.
public sealed record PublisherLink(Localized Name, Localized Url);

/// A value per language code, and where site.yml wrote it.
public sealed record Localized(IReadOnlyDictionary<string, string> Values, SourcePosition? At)
{
    public static Localized None { get; } = new(new Dictionary<string, string>(), null);

    public string? In(string lang) => Values.GetValueOrDefault(lang);
}
