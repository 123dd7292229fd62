using System.Globalization;

namespace Generator.Site;

/// Site paths of the generated lists, pages after the first under "page/N/" (Hugo's scheme).
public static class ListUrls
{
    public static string Topics(string lang) => $"/{lang}/topics/";

    public static string Edition(string lang, int year) => $"/{lang}/topics/{year.ToString(CultureInfo.InvariantCulture)}/";

    public static string Tags(string lang) => $"/{lang}/tags/";

    public static string Tag(string lang, string key) => $"/{lang}/tags/{key}/";

    /// The language's search page (issue 7).
    public static string Search(string lang) => $"/{lang}/search/";

    public static string Feed(string lang) => $"/{lang}/feed.xml";

    /// The language's JSON Feed 1.1, beside the Atom feed (issue 20).
    public static string JsonFeed(string lang) => $"/{lang}/feed.json";

    /// Page 1 is the list's own URL; page n is "&lt;list&gt;page/n/".
    public static string Page(string listUrl, int number) =>
        number <= 1 ? listUrl : $"{listUrl}page/{number.ToString(CultureInfo.InvariantCulture)}/";
}
