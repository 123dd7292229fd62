using System.Text;
using System.Xml;
using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

/// Writes the feeds of one build (CreateFeeds): an Atom feed (/en/feed.xml) and a JSON Feed 1.1
/// (/en/feed.json, issue 20) per language of its newest topics. The feed's 'updated' is
/// the newest topic's date or last change (front matter `changes:`), never the clock, so two
/// builds of the same input are identical; an updated topic's entry carries its change note.
public sealed partial class FeedWriter(SiteConfig site, Taxonomy taxonomy, Func<string, Strings> stringsOf)
{
    /// The interface strings the feeds show.
    public static readonly IReadOnlyList<string> Strings = ["feed_change_note"];

    public const int EntryCount = 50;

    public Task<IReadOnlyList<Document>> Make(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var topics = context.OutputsOf(nameof(Pipelines.Content), [Keys.Kind, Keys.FrontMatter, Keys.Lang, Keys.Url, Keys.Cover])
            .Where(d => d.Get<PageKind>(Keys.Kind) == PageKind.Topic)
            .Select(d => (Doc: d, Matter: d.Require<FrontMatter>(Keys.FrontMatter)))
            .ToList();
        var newestOverall = topics.Select(t => t.Matter.Modified).Max() ?? new DateOnly(1970, 1, 1);
        var outputs = new List<Document>(inputs);
        foreach (var language in site.Languages)
        {
            var entries = TopicOrder.Newest(topics.Where(t => t.Doc.Require<string>(Keys.Lang) == language.Code), t => t.Matter.Date, t => t.Doc.Require<string>(Keys.Url))
                .Take(EntryCount)
                .ToList();
            var url = ListUrls.Feed(language.Code);
            var noteFormat = NoteFormat(language.Code, entries, context);
            outputs.Add(new Document { Destination = SitePaths.Destination(url), Content = Feed(language, entries, noteFormat, entries.Select(e => e.Matter.Modified).Max() ?? newestOverall) }
                .With(Keys.Url, url));
            var jsonUrl = ListUrls.JsonFeed(language.Code);
            outputs.Add(new Document { Destination = SitePaths.Destination(jsonUrl), Content = JsonFeed(language, entries, noteFormat) }
                .With(Keys.Url, jsonUrl));
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    /// The change note's wording, looked up only when some entry has a change history.
    private string? NoteFormat(string lang, List<(Document Doc, FrontMatter Matter)> entries, BuildContext context) =>
        entries.Any(e => e.Matter.Changes.Length > 0)
            ? stringsOf(lang).Used("feed_change_note", "in the feeds for an updated topic's change note", context)
            : null;

    private string Feed(Language language, List<(Document Doc, FrontMatter Matter)> entries, string? noteFormat, DateOnly updated)
    {
        const string atom = "http://www.w3.org/2005/Atom";
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, language.Code);
            XmlValues.Element(xml, "id", atom, site.AbsoluteUrl(ListUrls.Feed(language.Code)));
            XmlValues.Element(xml, "title", atom, language.Title);
            XmlValues.Element(xml, "updated", atom, Timestamp(updated));
            Link(xml, "self", "application/atom+xml", site.AbsoluteUrl(ListUrls.Feed(language.Code)));
            Link(xml, "alternate", "text/html", site.AbsoluteUrl($"/{language.Code}/"));
            // The publisher (site.yml) is the feed's author, with its copyright line and logo.
            var publisher = site.Publisher;
            var publisherUrl = publisher is null ? null : Publisher.Href(publisher.Url, language.Code, site);
            xml.WriteStartElement("author", atom);
            XmlValues.Element(xml, "name", atom, publisher?.NameIn(language.Code) ?? language.Title);
            XmlValues.Element(xml, "uri", atom, publisherUrl is null ? site.AbsoluteUrl($"/{language.Code}/") : site.AbsoluteHref(publisherUrl));
            xml.WriteEndElement();
            if (publisher?.Logo is { } logo)
                XmlValues.Element(xml, "logo", atom, site.AbsoluteUrl(logo));
            if (publisher?.Copyright.In(language.Code) is { } rights)
                XmlValues.Element(xml, "rights", atom, rights);
            foreach (var (doc, matter) in entries)
            {
                var permalink = site.AbsoluteUrl(doc.Require<string>(Keys.Url));
                xml.WriteStartElement("entry", atom);
                XmlValues.Element(xml, "id", atom, permalink);
                XmlValues.Element(xml, "title", atom, matter.Title ?? "");
                XmlValues.Element(xml, "published", atom, Timestamp(matter.Date ?? updated));
                XmlValues.Element(xml, "updated", atom, Timestamp(matter.Modified ?? updated));
                Link(xml, "alternate", "text/html", permalink);
                if (matter.Summary is { } summary)
                    XmlValues.Element(xml, "summary", atom, summary);
                if (ChangeNote(matter, language.Code, noteFormat) is { } note)
                {
                    xml.WriteStartElement("content", atom);
                    XmlValues.Attribute(xml, "type", "text");
                    xml.WriteString(Engine.Unprintable.Strip(matter.Summary is { } lead ? $"{lead}\n\n{note}" : note));
                    xml.WriteEndElement();
                }
                foreach (var tag in matter.Tags)
                {
                    xml.WriteStartElement("category", atom);
                    XmlValues.Attribute(xml, "term", tag);
                    XmlValues.Attribute(xml, "label", taxonomy.Name(tag, language.Code));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text.ToString().Replace("\r\n", "\n") + "\n";
    }

    /// "Updated 1 March 2023: Figures for 2022 added." in the feed's language, for a topic
    /// that has a change history; null for one that never changed.
    private static string? ChangeNote(FrontMatter matter, string lang, string? format) =>
        matter.Changes.Length == 0 || format is null ? null
            : format.Replace("{date}", Theme.Dates.Format(matter.Changes[^1].Date, lang), StringComparison.Ordinal)
                .Replace("{note}", matter.Changes[^1].Note, StringComparison.Ordinal);

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        XmlValues.Attribute(xml, "rel", rel);
        XmlValues.Attribute(xml, "type", type);
        XmlValues.Attribute(xml, "href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z";
}
