using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Theme;

/// Every topic as each language's lists show it: the language's own topics, and topics
/// that exist only in other languages, marked, linking to the language that has them.
/// Built once per list-making step; each query is a lookup, never a scan per page.
public sealed class TopicCatalog : IFingerprinted
{
    private Lazy<Fingerprint> fingerprint = new(() => default);

    private readonly Dictionary<string, Shelf> shelves = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlyList<PageView>> own = new(StringComparer.Ordinal);

    private TopicCatalog()
    {
    }

    /// The metadata a catalog reads of each page (what a page's view shows in lists): lists
    /// and layouts read the pages through these keys, so a body edit leaves the catalog be.
    public static readonly IReadOnlyList<string> Reads =
    [
        Keys.Kind, Keys.Lang, Keys.FrontMatter, Keys.Url, Keys.Translations, Keys.Figures, Keys.PhotoCount, Keys.Title,
        Keys.Cover, Keys.List, Keys.Summary, Keys.TranslationStatus, Keys.Search,
    ];

    /// That of the pages as listed and of the views: what the catalog is made from.
    public Fingerprint Fingerprint => fingerprint.Value;

    public static TopicCatalog Build(IReadOnlyList<Document> contentPages, PageViews views, SiteConfig site, Taxonomy taxonomy, Theme theme)
    {
        var topics = contentPages.Where(d => d.Get<PageKind>(Keys.Kind) == PageKind.Topic)
            .Select(d => new Entry(d, d.Require<FrontMatter>(Keys.FrontMatter), views.Listed(d)))
            .ToList();
        var catalog = new TopicCatalog
        {
            fingerprint = new(() => Fingerprints.Combine(views.Fingerprint, Fingerprints.Of(contentPages))),
            own = topics.GroupBy(e => e.View.Lang, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<PageView>)[.. TopicOrder.Reading(g, e => e.Order, e => e.View.Url).Select(e => e.View)],
                StringComparer.Ordinal),
        };
        foreach (var language in site.Languages)
        {
            var strings = theme.StringsFor(language.Code);
            var cards = new List<(Entry Entry, CardView Card)>();
            foreach (var entry in topics)
            {
                if (entry.View.Lang == language.Code)
                    cards.Add((entry, new CardView(entry.View, null)));
                else if (ShownInstead(entry, language.Code, site))
                    cards.Add((entry, new CardView(entry.View, strings.Format("only_in", ("language", LanguageName(entry.View.Lang, strings, site))))));
            }

            catalog.shelves[language.Code] = new Shelf(language.Code, cards, site, taxonomy, strings);
        }

        return catalog;
    }

    /// The language's own topics only (no stand-ins from other languages): by edition
    /// (newest first), number, date and address.
    public IReadOnlyList<PageView> Own(string lang) => own.GetValueOrDefault(lang) ?? [];

    /// By edition (newest first), then topic number.
    public IReadOnlyList<CardView> All(string lang) => Find(lang).All;

    public IReadOnlyList<CardView> Latest(string lang, int count) => [.. Find(lang).Newest.Take(count)];

    public IReadOnlyList<EditionView> Editions(string lang) => Find(lang).Editions;

    public IReadOnlyList<CardView> InEdition(string lang, int year) => Find(lang).ByEdition.GetValueOrDefault(year) ?? [];

    /// Tags that have topics, in taxonomy.yml's order, with their counts.
    public IReadOnlyList<TagView> Tags(string lang) => Find(lang).Tags;

    public IReadOnlyList<CardView> Tagged(string lang, string tag) => Find(lang).ByTag.GetValueOrDefault(tag) ?? [];

    public static string LanguageName(string code, Strings strings, SiteConfig site) =>
        strings.TryGet("lang_" + code, out var localized) ? localized : site.Find(code)?.Name ?? code;

    /// A topic missing in <paramref name="lang"/> is listed once: in the default language
    /// when it exists there, otherwise in the first language of site.yml that has it.
    private static bool ShownInstead(Entry entry, string lang, SiteConfig site)
    {
        var translations = entry.Doc.Get<Translations>(Keys.Translations) ?? Translations.None;
        if (!translations.Missing.Contains(lang))
            return false;
        var available = translations.Existing.Select(t => t.Lang).Append(entry.View.Lang).ToHashSet(StringComparer.Ordinal);
        var preferred = available.Contains(site.DefaultLanguage)
            ? site.DefaultLanguage
            : site.Languages.Select(l => l.Code).First(available.Contains);
        return preferred == entry.View.Lang;
    }

    private Shelf Find(string lang) => shelves.TryGetValue(lang, out var shelf) ? shelf : Shelf.Empty;

    private sealed record Entry(Document Doc, FrontMatter Matter, PageView View)
    {
        public TopicOrder Order { get; } = TopicOrder.Of(Matter);
    }

    private sealed class Shelf
    {
        public static readonly Shelf Empty = new();

        private Shelf()
        {
        }

        public Shelf(string lang, List<(Entry Entry, CardView Card)> cards, SiteConfig site, Taxonomy taxonomy, Strings strings)
        {
            var ordered = TopicOrder.Reading(cards, c => c.Entry.Order, c => c.Card.Topic.Url).ToList();
            All = [.. ordered.Select(c => c.Card)];
            Newest = [.. TopicOrder.Newest(cards, c => c.Entry.Matter.Date, c => c.Card.Topic.Url).Select(c => c.Card)];
            ByEdition = ordered.Where(c => c.Entry.Matter.Edition is not null)
                .GroupBy(c => c.Entry.Matter.Edition!.Value)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<CardView>)[.. g.Select(c => c.Card)]);
            Editions = [.. ByEdition.OrderByDescending(e => e.Key).Select(e => Citation.EditionView(e.Key, lang, site, strings,
                site.Href(ListUrls.Edition(lang, e.Key)), e.Value.Count, e.Value.Any(c => c.OnlyIn is null)))];
            var byTag = new Dictionary<string, List<CardView>>(StringComparer.Ordinal);
            foreach (var (entry, card) in ordered)
            {
                foreach (var tag in entry.Matter.Tags.Distinct())
                    (byTag.TryGetValue(tag, out var list) ? list : byTag[tag] = []).Add(card);
            }

            ByTag = byTag.ToDictionary(t => t.Key, t => (IReadOnlyList<CardView>)t.Value, StringComparer.Ordinal);
            Tags = [.. taxonomy.Keys.Where(byTag.ContainsKey).Select(key =>
                new TagView(key, taxonomy.Name(key, lang), site.Href(ListUrls.Tag(lang, key))) { Count = byTag[key].Count })];
        }

        public IReadOnlyList<CardView> All { get; } = [];
        public IReadOnlyList<CardView> Newest { get; } = [];
        public Dictionary<int, IReadOnlyList<CardView>> ByEdition { get; } = [];
        public IReadOnlyList<EditionView> Editions { get; } = [];
        public Dictionary<string, IReadOnlyList<CardView>> ByTag { get; } = new(StringComparer.Ordinal);
        public IReadOnlyList<TagView> Tags { get; } = [];
    }
}
