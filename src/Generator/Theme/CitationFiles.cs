using System.Globalization;
using System.Text;
using Generator.Site;

namespace Generator.Theme;

/// A topic's citation as files a reference manager imports (issue 20): BibTeX and RIS,
/// beside the page (/en/topics/2022/x/cite.bib and cite.ris), in the topic's language.
public static class CitationFiles
{
    public static string BibPath(string pageUrl) => pageUrl + "cite.bib";

    public static string RisPath(string pageUrl) => pageUrl + "cite.ris";

    public static CitationView View(Citation citation, string pageUrl, SiteConfig site) =>
        new(citation.Title, citation.Author, citation.Publisher, citation.Url)
        {
            Date = citation.Date is { } date ? Dates.Iso(date) : null,
            DateSlashed = citation.Date?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            Year = citation.Year?.ToString(CultureInfo.InvariantCulture),
            Updated = citation.Updated is { } updated ? Dates.Iso(updated) : null,
            UpdatedText = citation.Updated is { } shown ? Dates.Format(shown, citation.Lang) : null,
            EditionTitle = citation.EditionTitle,
            Isbn = citation.Isbn,
            PdfUrl = citation.PdfUrl,
            BibUrl = site.Href(BibPath(pageUrl)),
            RisUrl = site.Href(RisPath(pageUrl)),
        };

    /// The note a changed topic's files carry, in its language ("Last updated: 1 April 2023",
    /// "最終更新日：2023年4月1日"): the theme's last_updated string, as the page shows it.
    public static string? UpdatedNote(Citation citation, Strings strings, Engine.BuildContext context) =>
        citation.Updated is { } updated && strings.Used("last_updated", "in the BibTeX and RIS files of a changed topic", context) is { } text
            ? text.Replace("{date}", Dates.Format(updated, citation.Lang), StringComparison.Ordinal)
            : null;

    /// An @incollection entry: the topic is a part of its edition (the book). The author is
    /// the institution, braced so BibTeX never splits it into given and family names.
    /// Its urldate (biblatex's "visited on") is the day of the version cited, its last change
    /// or else its publication: the day of the build would make every build of the same
    /// input differ, and only the reader knows the day they read it.
    public static string BibTeX(Citation citation, string? note)
    {
        var text = new StringBuilder();
        text.Append("@incollection{").Append(citation.Key).Append(",\n");
        // Styles lower-case titles ("Water and sanitation in asia"); a word with a capital is
        // braced so names and acronyms (Japan, ODA, COVID-19) keep theirs.
        Field("title", ProtectCapitals(Escape(citation.Title)), escaped: true);
        Field("author", "{" + Escape(citation.Author) + "}", escaped: true);
        if (citation.EditionTitle is { } book)
            Field("booktitle", book);
        Field("publisher", citation.Publisher);
        if (citation.Year is { } year)
            Field("year", year.ToString(CultureInfo.InvariantCulture));
        if (citation.Date is { } date)
            Field("date", Dates.Iso(date));
        if (citation.Isbn is { } isbn)
            Field("isbn", isbn);
        Field("url", citation.Url);
        if (Version(citation) is { } version)
            Field("urldate", Dates.Iso(version));
        Field("langid", citation.Lang switch { "en" => "english", "ja" => "japanese", _ => citation.Lang });
        if (note is not null)
            Field("note", note);
        text.Append("}\n");
        return text.ToString();

        void Field(string name, string value, bool escaped = false) =>
            text.Append("  ").Append(name).Append(" = {").Append(escaped ? value : Escape(value)).Append("},\n");
    }

    private static DateOnly? Version(Citation citation) => citation.Updated ?? citation.Date;

    /// A CHAP record (a section of a book), lines ending CR LF as the RIS format has them.
    public static string Ris(Citation citation, string? note)
    {
        var text = new StringBuilder();
        Tag("TY", "CHAP");
        Tag("TI", citation.Title);
        Tag("AU", citation.Author);
        if (citation.EditionTitle is { } book)
            Tag("T2", book);
        Tag("PB", citation.Publisher);
        if (citation.Year is { } year)
            Tag("PY", year.ToString(CultureInfo.InvariantCulture));
        if (citation.Date is { } date)
            Tag("DA", date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
        if (citation.Isbn is { } isbn)
            Tag("SN", isbn);
        Tag("LA", citation.Lang);
        Tag("UR", citation.Url);
        if (Version(citation) is { } version)
            Tag("Y2", version.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)); // access date, as BibTeX's urldate
        if (citation.PdfUrl is { } pdf)
            Tag("L1", pdf);
        if (note is not null)
            Tag("N1", note);
        text.Append("ER  - \r\n");
        return text.ToString();

        // RIS is one value per line: a line break inside a value would start a new tag.
        void Tag(string tag, string value) =>
            text.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
    }

    /// Braces each word that holds a capital letter ("{Japan}'s {ODA}"); an escape such as
    /// \textbackslash{} is never entered.
    private static string ProtectCapitals(string escaped) =>
        System.Text.RegularExpressions.Regex.Replace(escaped, @"(?<![\\\p{L}\p{N}])[\p{L}\p{N}'’-]*\p{Lu}[\p{L}\p{N}'’-]*", m => "{" + m.Value + "}");

    /// BibTeX's special characters, written so they print as themselves.
    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            text.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '%' or '&' or '$' or '#' or '_' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
