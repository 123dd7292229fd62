using System.Globalization;
using Generator.Content;
using Generator.Site;

namespace Generator.Theme;

/// How a topic is cited, in its language (issue 20): one place that the page's citation_*
/// and Dublin Core tags, its JSON-LD, its Cite box and its BibTeX and RIS files all read.
/// The publisher (site.yml) is the author, as an institution: an official publication is
/// the organisation's, not a person's.
public sealed record Citation
{
    public required string Title { get; init; }
    public required string Author { get; init; }
    public required string Publisher { get; init; }
    public required string Lang { get; init; }

    /// The topic's own permanent address.
    public required string Url { get; init; }
    public DateOnly? Date { get; init; }
    public DateOnly? Updated { get; init; }

    /// The edition the topic is part of: its year, its title in this language, its publication date, ISBN and PDF.
    public int? Edition { get; init; }
    public string? EditionTitle { get; init; }
    public DateOnly? EditionPublished { get; init; }
    public string? Isbn { get; init; }
    public string? PdfUrl { get; init; }

    /// The year a reader cites: the topic's date, else its edition's.
    public int? Year => Date?.Year ?? EditionPublished?.Year ?? Edition;

    /// The publisher's name as BibTeX key letters: its name in this language, else in the
    /// first language where it has ASCII letters (外務省 has none, so a Japanese citation's
    /// key starts like the English one's).
    public string KeyName { get; init; } = "";

    /// The BibTeX key: publisher, year, the topic's slug and the language
    /// ("ministryofforeignaffairs2022water-ja"). A slug with no ASCII letter (a file named in
    /// Japanese) is a short hash of the address instead, so keys stay ASCII and distinct.
    public string Key
    {
        get
        {
            var last = Url.TrimEnd('/').Split('/')[^1];
            var slug = Slug(last);
            if (slug.Length == 0)
                slug = "t" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Url)))[..8];
            return $"{KeyName}{Year?.ToString(CultureInfo.InvariantCulture) ?? ""}{slug}-{Lang}";
        }
    }

    /// The interface strings a citation shows (a declared set: see <see cref="SiteData.StringSets"/>).
    public static readonly IReadOnlyList<string> Strings = ["edition_label", "last_updated"];

    /// The topic at <paramref name="sitePath"/>, or null for a page that is not a topic.
    public static Citation? Of(FrontMatter matter, PageKind kind, string lang, string sitePath, SiteConfig site, Strings strings)
    {
        if (kind != PageKind.Topic)
            return null;
        var author = site.Publisher?.NameIn(lang) is { Length: > 0 } name ? name : site.Find(lang)?.Title ?? "";
        var edition = matter.Edition is { } year ? site.Editions.GetValueOrDefault(year) : null;
        return new Citation
        {
            Title = matter.Title ?? "",
            Author = author,
            KeyName = KeyNameOf(author, site),
            Publisher = author,
            Lang = lang,
            Url = site.AbsoluteUrl(sitePath),
            Date = matter.Date,
            Updated = matter.Updated,
            Edition = matter.Edition,
            EditionTitle = matter.Edition is { } shown ? Labels.Edition(shown, lang, site, strings) : null,
            EditionPublished = edition?.Published,
            Isbn = edition?.Isbn,
            // The topic's own PDF when the build prints one (issue 19), else its edition's.
            PdfUrl = site.Pdf ? site.AbsoluteUrl(Pdf.PdfStep.PdfPath(sitePath)) : PdfOf(edition, lang, site, absolute: true),
        };
    }

    /// An edition as the edition lists show it: its title, publication date and PDF (issue 20).
    /// <paramref name="ownTopics"/>: whether it has topics in this language, so the build prints its PDF in it.
    public static EditionView EditionView(int year, string lang, SiteConfig site, Strings strings, string url, int count, bool ownTopics)
    {
        var edition = site.Editions.GetValueOrDefault(year);
        return new EditionView(year, Labels.Edition(year, lang, site, strings), url, count)
        {
            Published = edition?.Published is { } date ? Dates.Iso(date) : null,
            PublishedText = edition?.Published is { } shown ? Dates.Format(shown, lang) : null,
            PdfUrl = Printed(site, year, lang, ownTopics) ? site.Href(Pdf.PdfStep.PdfPath(ListUrls.Edition(lang, year))) : PdfOf(edition, lang, site, absolute: false),
            PdfPrinted = Printed(site, year, lang, ownTopics),
        };
    }

    /// Whether the build prints this edition's PDF in this language (issue 19): PDFs are on and site.yml names none.
    private static bool Printed(SiteConfig site, int year, string lang, bool ownTopics) => ownTopics && site.Pdf && Pdf.PdfStep.EditionPdf(site, year, lang);

    private static string? PdfOf(Edition? edition, string lang, SiteConfig site, bool absolute) =>
        edition?.Pdf.In(lang) is not { } pdf ? null
        : !pdf.StartsWith('/') ? pdf
        : absolute ? site.AbsoluteUrl(pdf) : site.Href(pdf);

    private static string KeyNameOf(string author, SiteConfig site)
    {
        if (Slug(author) is { Length: > 0 } own)
            return own;
        var names = site.Languages.OrderBy(l => l.Code == site.DefaultLanguage ? 0 : 1)
            .Select(l => site.Publisher?.NameIn(l.Code) is { Length: > 0 } name ? name : l.Title);
        return names.Select(Slug).FirstOrDefault(s => s.Length > 0) ?? "";
    }

    private static string Slug(string text) =>
        new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24)]);
}
