using System.Globalization;
using Generator.Site;

namespace Generator.Theme;

/// The one place that words an edition, a topic's series and number, and a count (issue 15).
/// Views, list pages, breadcrumbs and citations call it in C#; layouts read its results
/// (page.edition_label, page.series_label, edition.name) and the count filter; the search
/// script shows what the topic pages carry (Pagefind's meta is their text) and the forms the
/// search page writes with plural_forms, so no label is worded twice.
public static class Labels
{
    /// An edition's name in a language: site.yml's title, else the theme's edition_label.
    public static string Edition(int year, string lang, SiteConfig site, Strings strings) =>
        site.Editions.GetValueOrDefault(year)?.Title.In(lang)
        ?? strings.Format("edition_label", ("edition", year.ToString(CultureInfo.InvariantCulture)));

    /// "ODA Topics 3" (series_number), "Topic 3" (topic_number) for a number without a
    /// series, the series alone without a number, or null.
    public static string? Series(string? series, int? number, Strings strings)
    {
        var shown = number?.ToString(CultureInfo.InvariantCulture);
        // A blank series (series: "") is no series: "Topic 5", never a bare " 5".
        if (string.IsNullOrWhiteSpace(series))
            series = null;
        return (series, shown) switch
        {
            ({ } name, { } n) => strings.Format("series_number", ("series", name), ("number", n)),
            (null, { } n) => strings.Format("topic_number", ("number", n)),
            ({ } name, null) => name,
            _ => null,
        };
    }

    /// A count in words: the plural form for <paramref name="n"/> of a string with forms, or a
    /// plain string with {count} filled in.
    public static string Count(object text, decimal n) => text is Plural plural
        ? plural.For(n)
        : (text.ToString() ?? "").Replace("{count}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
