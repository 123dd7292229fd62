using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Generator.Content;
using Generator.Site;

namespace Generator.Theme;

/// schema.org JSON-LD for a page: an Article (topics) or WebPage, and its BreadcrumbList.
/// Written with System.Text.Json, so every value is JSON-escaped; the encoder also escapes
/// '&lt;', '&gt;' and '&amp;' (as \u003C…), so no text can close the script element.
public static class StructuredData
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string For(PageView page, PageKind kind, CrumbView? edition, Translations translations, SiteConfig site, PublisherView? publisher = null, Citation? citation = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            if (kind == PageKind.Topic)
                WriteArticle(json, page, edition, translations, site, publisher, citation);
            else
                WriteWebPage(json, page, kind, site, publisher);
            if (page.Breadcrumbs.Count > 0)
                WriteBreadcrumbs(json, page.Breadcrumbs);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ArticleId(string permalink) => permalink + "#article";

    private static void WriteArticle(Utf8JsonWriter json, PageView page, CrumbView? edition, Translations translations, SiteConfig site, PublisherView? publisher, Citation? citation)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Article");
        json.WriteString("@id", ArticleId(page.Permalink));
        json.WriteString("headline", page.Title);
        if (page.Summary is { } summary)
            json.WriteString("description", summary);
        json.WriteString("inLanguage", page.Lang);
        json.WriteString("url", page.Permalink);
        json.WriteString("mainEntityOfPage", page.Permalink);
        if (page.Date is { } date)
            json.WriteString("datePublished", date);
        if ((page.Updated ?? page.Date) is { } modified)
            json.WriteString("dateModified", modified);
        if (edition is not null)
        {
            // The edition is the book the topic is a chapter of (issue 20): its title, year,
            // publisher and ISBN as site.yml gives them.
            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "Book");
            json.WriteString("name", citation?.EditionTitle ?? edition.Name);
            json.WriteString("url", edition.Permalink);
            if (citation?.Edition is { } year)
                json.WriteString("bookEdition", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (citation?.EditionPublished is { } published)
                json.WriteString("datePublished", Dates.Iso(published));
            if (citation?.Isbn is { } isbn)
                json.WriteString("isbn", isbn);
            if (publisher is not null)
                WriteOrganisation(json, "publisher", publisher, site);
            if (citation?.PdfUrl is { } pdf)
            {
                json.WriteStartObject("encoding");
                json.WriteString("@type", "MediaObject");
                json.WriteString("encodingFormat", "application/pdf");
                json.WriteString("contentUrl", pdf);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (publisher is not null)
        {
            // An official publication: the organisation both wrote and published it.
            WriteOrganisation(json, "publisher", publisher, site);
            WriteOrganisation(json, "author", publisher, site);
        }

        if (page.Tags.Count > 0)
            json.WriteString("keywords", string.Join(", ", page.Tags.Select(t => t.Name)));

        // The default language's version is the original; the others are its translations.
        if (page.Lang == site.DefaultLanguage && translations.Existing.Count > 0)
        {
            json.WriteStartArray("workTranslation");
            foreach (var translation in translations.Existing)
                WriteReference(json, site.AbsoluteUrl(translation.Url), translation.Lang);
            json.WriteEndArray();
        }
        else if (translations.Existing.FirstOrDefault(t => t.Lang == site.DefaultLanguage) is { } original)
        {
            json.WritePropertyName("translationOfWork");
            WriteReference(json, site.AbsoluteUrl(original.Url), original.Lang);
        }

        // A placeholder is no image at all: structured data lists only photos that exist.
        if (page.Figures.Any(f => !f.Placeholder))
        {
            json.WriteStartArray("image");
            foreach (var figure in page.Figures.Where(f => !f.Placeholder))
            {
                json.WriteStartObject();
                json.WriteString("@type", "ImageObject");
                json.WriteString("contentUrl", site.AbsoluteHref(figure.Src));
                json.WriteString("name", figure.Label);
                json.WriteString("description", figure.Alt);
                json.WriteString("caption", figure.Caption ?? figure.Alt);
                if (figure.Credit is { } credit)
                    json.WriteString("creditText", credit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter json, string permalink, string lang)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Article");
        json.WriteString("@id", ArticleId(permalink));
        json.WriteString("url", permalink);
        json.WriteString("inLanguage", lang);
        json.WriteEndObject();
    }

    private static void WriteOrganisation(Utf8JsonWriter json, string property, PublisherView publisher, SiteConfig site)
    {
        json.WriteStartObject(property);
        json.WriteString("@type", "Organization");
        json.WriteString("name", publisher.Name);
        if (publisher.Url is { } url)
            json.WriteString("url", site.AbsoluteHref(url));
        if (publisher.LogoUrl is { } logo)
        {
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", site.AbsoluteHref(logo));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteWebPage(Utf8JsonWriter json, PageView page, PageKind kind, SiteConfig site, PublisherView? publisher)
    {
        json.WriteStartObject();
        json.WriteString("@type", kind == PageKind.Generated ? "CollectionPage" : "WebPage");
        json.WriteString("@id", page.Permalink);
        json.WriteString("name", page.Title);
        if (page.Summary is { } summary)
            json.WriteString("description", summary);
        json.WriteString("inLanguage", page.Lang);
        json.WriteString("url", page.Permalink);
        if (publisher is not null)
            WriteOrganisation(json, "publisher", publisher, site);
        json.WriteEndObject();
    }

    private static void WriteBreadcrumbs(Utf8JsonWriter json, IReadOnlyList<CrumbView> crumbs)
    {
        json.WriteStartObject();
        json.WriteString("@type", "BreadcrumbList");
        json.WriteStartArray("itemListElement");
        for (var i = 0; i < crumbs.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("@type", "ListItem");
            json.WriteNumber("position", i + 1);
            json.WriteString("name", crumbs[i].Name);
            json.WriteString("item", crumbs[i].Permalink);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
