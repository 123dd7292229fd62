using System.Globalization;
using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

/// The pages of each list that <see cref="PlanListPages"/> planned, in every language: all
/// topics grouped by edition, one index per edition, the tags index and one page per tag,
/// paginated after site.yml's 'paginate' topics. Every list exists in every language (topics
/// missing in a language are listed there with a marker), so list pages pair across
/// languages like topics do. Each list is made on its own and reads only its part of the
/// catalog, so renaming a topic makes again the lists that show it, not every list.
public sealed class CreateListPages : ExpandModule<TopicCatalog>
{
    /// A list to make: all topics, an edition's, the tags index or a tag's.
    public sealed record Plan(string Kind, int? Edition = null, string? Tag = null)
    {
        public const string AllTopics = "all", OfEdition = "edition", TagIndex = "tags", OfTag = "tag";

        public string Id => Kind + (Edition is { } year ? "/" + year.ToString(CultureInfo.InvariantCulture) : "") + (Tag is { } tag ? "/" + tag : "");
    }

    protected override TopicCatalog Prepare(IReadOnlyList<Document> inputs, BuildContext context) => CreateCatalog.Read(context);

    protected override object? Lookup(string key, TopicCatalog catalog)
    {
        var parts = key.Split('\0');
        return Part(catalog, parts[0], parts[1], parts[2]);
    }

    /// What a list reads of the catalog in one language (one function for reading and
    /// looking up again, so a reuse compares like with like).
    private static object Part(TopicCatalog catalog, string lang, string kind, string argument) => kind switch
    {
        Plan.AllTopics => catalog.All(lang),
        Plan.OfEdition => catalog.InEdition(lang, int.Parse(argument, CultureInfo.InvariantCulture)),
        Plan.TagIndex => catalog.Tags(lang),
        _ => catalog.Tagged(lang, argument),
    };

    protected override IReadOnlyList<Document> Expand(Document input, TopicCatalog catalog, BuildContext context)
    {
        if (input.Get<Plan>(Keys.ListPlan) is not { } plan)
            return [input];
        object Read(string lang, string argument)
        {
            var part = Part(catalog, lang, plan.Kind, argument);
            context.DependOn(lang + "\0" + plan.Kind + "\0" + argument, part);
            return part;
        }

        return [.. new Lists(SiteData.Site(context), SiteData.Taxonomy(context), SiteData.Theme(context)).Make(plan, Read)];
    }

    /// One list's pages, made from the loaded site.
    private sealed class Lists(SiteConfig site, Taxonomy taxonomy, Theme.Theme theme)
    {
        public IEnumerable<Document> Make(Plan plan, Func<string, string, object> read)
        {
            var year = plan.Edition?.ToString(CultureInfo.InvariantCulture) ?? "";
            return Paginate(plan.Kind switch
            {
                Plan.AllTopics => ForEachLanguage(lang => AllTopics(lang, (IReadOnlyList<CardView>)read(lang, ""))),
                Plan.OfEdition => ForEachLanguage(lang => Edition(lang, plan.Edition!.Value, (IReadOnlyList<CardView>)read(lang, year))),
                Plan.TagIndex => ForEachLanguage(lang => TagIndex(lang, (IReadOnlyList<TagView>)read(lang, ""))),
                _ => ForEachLanguage(lang => Tag(lang, plan.Tag!, (IReadOnlyList<CardView>)read(lang, plan.Tag!))),
            });
        }

        private Dictionary<string, ListPage> ForEachLanguage(Func<string, ListPage> make) =>
            site.Languages.ToDictionary(l => l.Code, l => make(l.Code), StringComparer.Ordinal);

        private ListPage AllTopics(string lang, IReadOnlyList<CardView> cards)
        {
            var strings = theme.StringsFor(lang);
            return new ListPage(ListUrls.Topics(lang), strings["all_topics"], cards, GroupByEdition: true,
                [Home(lang), Crumb(strings["all_topics"], ListUrls.Topics(lang))]);
        }

        private ListPage Edition(string lang, int year, IReadOnlyList<CardView> cards)
        {
            var strings = theme.StringsFor(lang);
            var title = Labels.Edition(year, lang, site, strings);
            return new ListPage(ListUrls.Edition(lang, year), title, cards, GroupByEdition: false,
                [Home(lang), Crumb(strings["all_topics"], ListUrls.Topics(lang)), Crumb(title, ListUrls.Edition(lang, year))])
            {
                Edition = year,
            };
        }

        private ListPage TagIndex(string lang, IReadOnlyList<TagView> tags)
        {
            var strings = theme.StringsFor(lang);
            return new ListPage(ListUrls.Tags(lang), strings["tags_label"], [], GroupByEdition: false,
                [Home(lang), Crumb(strings["tags_label"], ListUrls.Tags(lang))])
            {
                Tags = tags,
            };
        }

        private ListPage Tag(string lang, string key, IReadOnlyList<CardView> cards)
        {
            var strings = theme.StringsFor(lang);
            var name = taxonomy.Name(key, lang);
            return new ListPage(ListUrls.Tag(lang, key), strings.Format("tag_title", ("tag", name)), cards, GroupByEdition: false,
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
                        Edition = page.Edition is { } year ? EditionOf(year, lang, page.Cards.Count, Own(page.Cards).Contains(year)) : null,
                        Groups = page.GroupByEdition ? GroupByEdition(cards, lang, Own(page.Cards)) : cards.Count > 0 ? [new GroupView(null, null, cards)] : [],
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

        /// The editions with a topic of the list's own language (not only "Only in English" cards): those have a PDF in it.
        private static HashSet<int> Own(IReadOnlyList<CardView> cards) =>
            [.. cards.Where(c => c.OnlyIn is null && c.Topic.Edition is not null).Select(c => c.Topic.Edition!.Value)];

        private IReadOnlyList<GroupView> GroupByEdition(IReadOnlyList<CardView> cards, string lang, HashSet<int> own) =>
            [.. cards.GroupBy(c => c.Topic.Edition).Select(g => g.Key is { } year
                ? new GroupView(
                    Labels.Edition(year, lang, site, theme.StringsFor(lang)),
                    site.Href(ListUrls.Edition(lang, year)),
                    [.. g])
                {
                    Edition = EditionOf(year, lang, g.Count(), own.Contains(year)),
                }
                : new GroupView(null, null, [.. g]))];

        /// An edition as the lists show it: the same view as the home page's edition list.
        private EditionView EditionOf(int year, string lang, int count, bool ownTopics) =>
            Citation.EditionView(year, lang, site, theme.StringsFor(lang), site.Href(ListUrls.Edition(lang, year)), count, ownTopics);

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
