using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

public sealed partial class FeedWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = true,
    };

    /// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the same entries as the Atom
    /// feed, each with its id, url, title, summary, content_text (the summary and, for an
    /// updated topic, its change note), image (the cover), dates, tags and language.
    private string JsonFeed(Language language, List<(Document Doc, FrontMatter Matter)> entries, string? noteFormat)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", Unprintable.Strip(language.Title));
            json.WriteString("home_page_url", site.AbsoluteUrl($"/{language.Code}/"));
            json.WriteString("feed_url", site.AbsoluteUrl(ListUrls.JsonFeed(language.Code)));
            json.WriteString("language", language.Code);
            if (site.Publisher?.Logo is { } logo)
                json.WriteString("icon", site.AbsoluteUrl(logo));
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", Unprintable.Strip(site.Publisher?.NameIn(language.Code) ?? language.Title));
            var publisherUrl = site.Publisher is { } publisher ? Publisher.Href(publisher.Url, language.Code, site) : null;
            json.WriteString("url", publisherUrl is null ? site.AbsoluteUrl($"/{language.Code}/") : site.AbsoluteHref(publisherUrl));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var (doc, matter) in entries)
            {
                var permalink = site.AbsoluteUrl(doc.Require<string>(Keys.Url));
                json.WriteStartObject();
                json.WriteString("id", permalink);
                json.WriteString("url", permalink);
                json.WriteString("title", Unprintable.Strip(matter.Title ?? ""));
                var summary = Unprintable.Strip(matter.Summary ?? "");
                if (summary.Length > 0)
                    json.WriteString("summary", summary);
                // The page's link preview image (the cover's fallback derivative, as og:image).
                if (doc.Get<string>(Keys.Cover) is { } cover)
                    json.WriteString("image", SitePaths.IsExternal(cover) ? cover : site.AbsoluteUrl(cover));
                var note = ChangeNote(matter, language.Code, noteFormat);
                json.WriteString("content_text", note is null ? summary : Unprintable.Strip(summary.Length > 0 ? $"{summary}\n\n{note}" : note));
                if (matter.Date is { } date)
                    json.WriteString("date_published", Timestamp(date));
                if (matter.Modified is { } modified)
                    json.WriteString("date_modified", Timestamp(modified));
                if (matter.Tags.Length > 0)
                {
                    json.WriteStartArray("tags");
                    foreach (var tag in matter.Tags)
                        json.WriteStringValue(Unprintable.Strip(taxonomy.Name(tag, language.Code)));
                    json.WriteEndArray();
                }

                json.WriteString("language", language.Code);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
