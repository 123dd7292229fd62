using System.Globalization;
using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

/// The lists of every language: all topics grouped by edition, one index per edition,
/// the tags index and one page per tag, paginated after site.yml's 'paginate' topics.
/// Every list exists in every language (topics missing in a language are listed there
/// with a marker), so list pages pair across languages like topics do.
public sealed class CreateListPages : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
        new Lists(SiteData.Site(context), SiteData.Taxonomy(context), SiteData.Theme(context)).Make(inputs, context);

    /// One build's lists, made from the loaded site.
    private sealed class Lists(SiteConfig site, Taxonomy taxonomy, Theme.Theme theme)
    {
        public Task<IReadOnlyList<Document>> Make(IReadOnlyList<Document> inputs, BuildContext context)
        {
            // A theme without a list layout (a minimal or test theme) gets no list pages.
            if (theme.FindLayout("list") is null)
                return Task.FromResult(inputs);

            var catalog = CreateCatalog.Read(context);
            var lists = new List<Dictionary<string, ListPage>>();
            var editions = site.Languages.SelectMany(l => catalog.Editions(l.Code).Select(e => e.Year)).Distinct().Order();
            var tags = site.Languages.SelectMany(l => catalog.Tags(l.Code).Select(t => t.Key)).ToHashSet(StringComparer.Ordinal);
            lists.Add(ForEachLanguage(lang => AllTopics(lang, catalog)));
            foreach (var year in editions)
                lists.Add(ForEachLanguage(lang => Edition(lang, year, catalog)));
            lists.Add(ForEachLanguage(lang => TagIndex(lang, catalog)));
            foreach (var key in taxonomy.Keys.Where(tags.Contains))
                lists.Add(ForEachLanguage(lang => Tag(lang, key, catalog)));

            var outputs = new List<Document>(inputs);
            foreach (var list in lists)
                outputs.AddRange(Paginate(list));
            return Task.FromResult<IReadOnlyList<Document>>(outputs);
        }

        private Dictionary<string, ListPage> ForEachLanguage(Func<string, ListPage> make) =>
            site.Languages.ToDictionary(l => l.Code, l => make(l.Code), StringComparer.Ordinal);

        private ListPage AllTopics(string lang, TopicCatalog catalog)
        {
            var strings = theme.StringsFor(lang);
            return new ListPage(ListUrls.Topics(lang), strings["all_topics"], catalog.All(lang), GroupByEdition: true,
                [Home(lang), Crumb(strings["all_topics"], ListUrls.Topics(lang))]);
        }

        private ListPage Edition(string lang, int year, TopicCatalog catalog)
        {
            var strings = theme.StringsFor(lang);
            var title = Labels.Edition(year, lang, site, strings);
            return new ListPage(ListUrls.Edition(lang, year), title, catalog.InEdition(lang, year), GroupByEdition: false,
                [Home(lang), Crumb(strings["all_topics"], ListUrls.Topics(lang)), Crumb(title, ListUrls.Edition(lang, year))])
            {
                Edition = year,
            };
        }

        private ListPage TagIndex(string lang, TopicCatalog catalog)
        {
            var strings = theme.StringsFor(lang);
            return new ListPage(ListUrls.Tags(lang), strings["tags_label"], [], GroupByEdition: false,
                [Home(lang), Crumb(strings["tags_label"], ListUrls.Tags(lang))])
            {
                Tags = catalog.Tags(lang),
            };
        }

        private ListPage Tag(string lang, string key, TopicCatalog catalog)
        {
            var strings = theme.StringsFor(lang);
            var name = taxonomy.Name(key, lang);
            return new ListPage(ListUrls.Tag(lang, key), strings.Format("tag_title", ("tag", name)), catalog.Tagged(lang, key), GroupByEdition: false,
                [Home(lang), Crumb(strings["tags_label"], ListUrls.Tags(lang)), Crumb(name, ListUrls.Tag(lang, key))]);
        }

        private CrumbView Home(string lang) => Crumb(theme.StringsFor(lang)["home"], $"/{lang}/");

        private CrumbView Crumb(string name, string sitePath) => new(name, site.Href(sitePath), site.AbsoluteUrl(sitePath));

        /// One document per page of the list and language; each page's translations are the
        /// same page of the list in the other languages.
        private IEnumerable<Document> Paginate(Dictionary<string, ListPage> list)
        {
            var size = Math.Max(1, site.PageSize);
            var total = Math.Max(1, list.Values.Max(l => (l.Cards.Count + size - 1) / size));
            for (var number = 1; number <= total; number++)
            {
                foreach (var (lang, page) in list)
                {
                    var url = ListUrls.Page(page.Url, number);
                    var cards = page.Cards.Skip((number - 1) * size).Take(size).ToList();
                    var strings = theme.StringsFor(lang);
                    var existing = list.Where(other => other.Key != lang)
                        .Select(other => new TranslationLink(other.Key, ListUrls.Page(other.Value.Url, number), other.Value.Title))
                        .ToList();
                    var view = new ListView
                    {
                        Edition = page.Edition is { } year ? EditionOf(year, lang, page.Cards.Count) : null,
                        Groups = page.GroupByEdition ? GroupByEdition(cards, lang) : cards.Count > 0 ? [new GroupView(null, null, cards)] : [],
                        Tags = page.Tags,
                        Pagination = total > 1 ? Pagination(page.Url, number, total) : null,
                    };
                    var crumbs = number == 1 ? page.Crumbs
                        : [.. page.Crumbs, Crumb(strings.Format("page_n", ("n", number.ToString(CultureInfo.InvariantCulture))), url)];
                    yield return new Document { Destination = SitePaths.Destination(url) }.With([
                        new(Keys.Lang, lang),
                        new(Keys.Kind, PageKind.Generated),
                        new(Keys.Url, url),
                        new(Keys.Layout, "list"),
                        new(Keys.Title, page.Title),
                        new(Keys.Summary, strings.TryGet("list_summary", out var summary) ? summary.Replace("{title}", page.Title, StringComparison.Ordinal) : null),
                        new(Keys.Translations, new Translations(existing, [])),
                        new(Keys.List, view),
                        new(Keys.Breadcrumbs, crumbs),
                    ]);
                }
            }
        }

        private IReadOnlyList<GroupView> GroupByEdition(IReadOnlyList<CardView> cards, string lang) =>
            [.. cards.GroupBy(c => c.Topic.Edition).Select(g => g.Key is { } year
                ? new GroupView(
                    Labels.Edition(year, lang, site, theme.StringsFor(lang)),
                    site.Href(ListUrls.Edition(lang, year)),
                    [.. g])
                {
                    Edition = EditionOf(year, lang, g.Count()),
                }
                : new GroupView(null, null, [.. g]))];

        /// An edition as the lists show it: the same view as the home page's edition list.
        private EditionView EditionOf(int year, string lang, int count) =>
            Citation.EditionView(year, lang, site, theme.StringsFor(lang), site.Href(ListUrls.Edition(lang, year)), count);

        private PaginationView Pagination(string listUrl, int current, int total) => new(
            current,
            total,
            current > 1 ? site.Href(ListUrls.Page(listUrl, current - 1)) : null,
            current < total ? site.Href(ListUrls.Page(listUrl, current + 1)) : null,
            // A window around the current page plus the ends, so 500 pages do not each list 500 links.
            [.. Enumerable.Range(1, total)
                .Where(n => n == 1 || n == total || Math.Abs(n - current) <= 2)
                .Select(n => new PageLinkView(n, site.Href(ListUrls.Page(listUrl, n)), n == current))]);

        private sealed record ListPage(string Url, string Title, IReadOnlyList<CardView> Cards, bool GroupByEdition, IReadOnlyList<CrumbView> Crumbs)
        {
            public IReadOnlyList<TagView> Tags { get; init; } = [];

            /// The edition an edition's index lists.
            public int? Edition { get; init; }
        }
    }
}
