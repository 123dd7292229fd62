using System.Globalization;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Theme;

/// Turns documents into the views layouts see. Its fingerprint is that of the settings,
/// taxonomy and theme it was made from.
public sealed class PageViews(SiteConfig site, Taxonomy taxonomy, Theme theme, Fingerprint fingerprint) : IFingerprinted
{
    public Fingerprint Fingerprint => fingerprint;

    /// The one catalog of these pages (the Content pipeline's topics seen through
    /// <see cref="TopicCatalog.Reads"/>), made by the Catalog pipeline.
    public TopicCatalog Catalog(IReadOnlyList<Document> contentPages) => TopicCatalog.Build(contentPages, this, site, taxonomy, theme);

    /// A page as lists show it (no content), made once per document and these views: a
    /// session's catalog reuses the views of the pages that did not change, and their
    /// fingerprints with them.
    public PageView Listed(Document doc) => doc.Derive("listed view", fingerprint, d => Page(d, withContent: false));

    public PageView Page(Document doc, bool withContent)
    {
        var lang = doc.Require<string>(Keys.Lang);
        var matter = doc.Get<FrontMatter>(Keys.FrontMatter) ?? new FrontMatter();
        var url = doc.Require<string>(Keys.Url);
        var strings = theme.StringsFor(lang);
        var translations = doc.Get<Translations>(Keys.Translations) ?? Translations.None;
        var figures = doc.Get<IReadOnlyList<Figure>>(Keys.Figures) ?? [];
        var photoCount = doc.Get<int>(Keys.PhotoCount);
        var number = matter.Number?.ToString(CultureInfo.InvariantCulture);
        var kind = doc.Require<PageKind>(Keys.Kind);
        var title = matter.Title ?? doc.Get<string>(Keys.Title) ?? "";
        // The cover's href and absolute URL come from the site's one URL builder, so
        // og:image is base_url + path with exactly one slash (issue 13, A.18).
        var coverPath = doc.Get<string>(Keys.Cover);
        var external = coverPath is not null && SitePaths.IsExternal(coverPath);
        var cover = coverPath is null ? null : external ? coverPath : site.Href(coverPath);
        var list = doc.Get<ListView>(Keys.List);
        var card = doc.Get<Photos.ShareCard>(Keys.ShareCard);

        var view = new PageView
        {
            Title = title,
            Summary = matter.Summary ?? doc.Get<string>(Keys.Summary),
            Lang = lang,
            LangName = site.Find(lang)?.Name ?? lang,
            Kind = kind.ToString().ToLowerInvariant(),
            PdfUrl = site.Pdf && kind == PageKind.Topic ? site.Href(Pdf.PdfStep.PdfPath(url)) : null,
            Url = site.Href(url),
            Permalink = site.AbsoluteUrl(url),
            Date = matter.Date is { } date ? Dates.Iso(date) : null,
            DateText = matter.Date is { } shown ? Dates.Format(shown, lang) : null,
            Edition = matter.Edition,
            Updated = matter.Updated is { } updated ? Dates.Iso(updated) : null,
            UpdatedText = matter.Updated is { } updatedShown ? Dates.Format(updatedShown, lang) : null,
            Changes = [.. Enumerable.Reverse(matter.Changes).Select(c => new ChangeView(Dates.Iso(c.Date), Dates.Format(c.Date, lang), c.Note))],
            Number = matter.Number,
            Series = matter.Series,
            SeriesLabel = Labels.Series(matter.Series, matter.Number, strings),
            EditionLabel = matter.Edition is { } labelled ? Labels.Edition(labelled, lang, site, strings) : null,
            Tags = [.. matter.Tags.Select(t => new TagView(t, taxonomy.Name(t, lang), site.Href(ListUrls.Tag(lang, t))))],
            Photos = [.. figures.Take(photoCount)],
            Figures = figures,
            Cover = cover,
            Content = withContent ? doc.Get<string>(Keys.BodyHtml) ?? "" : "",
            Translations = [.. translations.Existing.Select(t =>
                new TranslationView(t.Lang, site.Find(t.Lang)?.Name ?? t.Lang, site.Href(t.Url), t.Title))],
            MissingTranslations = [.. translations.Missing.Select(code => Missing(code, strings))],
            Alternates =
            [
                new AlternateView(lang, site.AbsoluteUrl(url)),
                .. translations.Existing.Select(t => new AlternateView(t.Lang, site.AbsoluteUrl(t.Url))),
                new AlternateView("x-default", site.AbsoluteUrl("/")),
            ],
            TranslationNote = matter.TranslationNote,
            List = list,
            StaleNotice = doc.Get<TranslationStatus?>(Keys.TranslationStatus) == TranslationStatus.Stale ? Stale(strings) : null,
            OriginalUrl = translations.Existing.FirstOrDefault(t => t.Lang == site.DefaultLanguage) is { } original ? site.Href(original.Url) : null,
            Draft = matter.Draft,
            SearchTerms = matter.SearchTerms,
            Search = doc.Get<SearchView>(Keys.Search),
        };
        if (!withContent)
            return view;

        var (lead, rest) = SplitLead(view.Content);
        view = view with { Lead = lead, Rest = rest };
        var crumbs = doc.Get<IReadOnlyList<CrumbView>>(Keys.Breadcrumbs) ?? Breadcrumbs(kind, lang, url, title, matter.Edition, strings);
        view = view with
        {
            HeadTitle = HeadTitle(kind, title, lang, list, strings),
            OgLocale = OgLocale(lang),
            OgLocaleAlternates = [.. translations.Existing.Select(t => OgLocale(t.Lang))],
            // A topic without a cover shows its share card in link previews (issue 15).
            CoverPermalink = coverPath is null ? card is null ? null : site.AbsoluteUrl(card.Path) : external ? coverPath : site.AbsoluteUrl(coverPath),
            CoverAlt = cover is null ? card is null ? null : CardAlt(card) : figures.FirstOrDefault(f => f.Src == cover)?.Alt ?? title,
            CoverWidth = coverPath is null && card is not null ? Photos.ShareCard.Width : null,
            CoverHeight = coverPath is null && card is not null ? Photos.ShareCard.Height : null,
            Breadcrumbs = crumbs,
            Previous = Link(doc.Get<TopicLink>(Keys.Previous)),
            Next = Link(doc.Get<TopicLink>(Keys.Next)),
            Toc = doc.Get<IReadOnlyList<TocEntry>>(Keys.Toc) ?? [],
            Related = [.. (doc.Get<IReadOnlyList<TopicLink>>(Keys.Related) ?? []).Select(l => Link(l)!)],
            SupersededBy = doc.Get<EditionLink>(Keys.SupersededBy) is { } replacement ? EditionLinkOf(replacement) : null,
            Supersedes = [.. (doc.Get<IReadOnlyList<EditionLink>>(Keys.Supersedes) ?? []).Select(EditionLinkOf)],
        };
        var edition = matter.Edition is { } year
            ? new CrumbView(Labels.Edition(year, lang, site, strings), site.Href(ListUrls.Edition(lang, year)), site.AbsoluteUrl(ListUrls.Edition(lang, year)))
            : null;
        var citation = Citation.Of(matter, kind, lang, url, site, strings);
        view = view with { Citation = citation is null ? null : CitationFiles.View(citation, url, site) };
        return view with { JsonLd = StructuredData.For(view, kind, edition, translations, site, PublisherIn(lang), citation) };
    }

    /// What a share card shows, as its alt text: "ODA Topics 3: Title (Publisher)"; the series
    /// and publisher are names, so the same punctuation reads in either language.
    private static string CardAlt(Photos.ShareCard card) =>
        (card.Series is { } series ? series + (card.Lang == "ja" ? "　" : ": ") : "") + card.Title
        + (card.Publisher.Length > 0 ? (card.Lang == "ja" ? "（" + card.Publisher + "）" : " (" + card.Publisher + ")") : "");

    /// The rendered body's first paragraph and the rest. Markdig writes each paragraph as
    /// "&lt;p…&gt;…&lt;/p&gt;\n" and never nests one, so the first "&lt;/p&gt;\n" ends it.
    public static (string Lead, string After) SplitLead(string html)
    {
        if (!html.StartsWith("<p>", StringComparison.Ordinal) && !html.StartsWith("<p ", StringComparison.Ordinal))
            return ("", html);
        var end = html.IndexOf("</p>\n", StringComparison.Ordinal);
        return end < 0 ? (html, "") : (html[..(end + 5)], html[(end + 5)..]);
    }

    /// Open Graph wants a territory: en_US, ja_JP.
    public static string OgLocale(string lang) => lang switch
    {
        "en" => "en_US",
        "ja" => "ja_JP",
        _ => lang,
    };

    private EditionLinkView EditionLinkOf(EditionLink link) => new(site.Href(link.Url), link.Title, link.Edition);

    private TopicLinkView? Link(TopicLink? link) => link is null ? null : new TopicLinkView(link.Title, site.Href(link.Url));

    private string HeadTitle(PageKind kind, string title, string lang, ListView? list, Strings strings)
    {
        var siteTitle = site.Find(lang)?.Title ?? "";
        if (kind == PageKind.Home || title.Length == 0)
            return siteTitle;
        if (list?.Pagination is { Current: > 1 } pagination)
            title = $"{title} – {strings.Format("page_n", ("n", pagination.Current.ToString(CultureInfo.InvariantCulture)))}";
        return siteTitle.Length == 0 || kind == PageKind.Generated && title == siteTitle ? title : $"{title} | {siteTitle}";
    }

    private IReadOnlyList<CrumbView> Breadcrumbs(PageKind kind, string lang, string url, string title, int? edition, Strings strings)
    {
        if (kind is PageKind.Home or PageKind.Generated)
            return [];
        var home = Crumb(strings["home"], $"/{lang}/");
        if (kind != PageKind.Topic)
            return [home, Crumb(title, url)];
        return edition is { } year
            ? [home, Crumb(strings["all_topics"], ListUrls.Topics(lang)),
                Crumb(Labels.Edition(year, lang, site, strings), ListUrls.Edition(lang, year)),
                Crumb(title, url)]
            : [home, Crumb(strings["all_topics"], ListUrls.Topics(lang)), Crumb(title, url)];
    }

    private CrumbView Crumb(string name, string sitePath) => new(name, site.Href(sitePath), site.AbsoluteUrl(sitePath));

    private string Stale(Strings strings) =>
        strings.Format("translation_stale", ("language", strings.TryGet("lang_" + site.DefaultLanguage, out var name) ? name : site.Find(site.DefaultLanguage)?.Name ?? site.DefaultLanguage));

    public SiteView Site(string lang, IReadOnlyList<PageView> topics, TopicCatalog? catalog = null)
    {
        var language = site.Find(lang);
        return new SiteView(
            language?.Title ?? "",
            lang,
            site.Href($"/{lang}/"),
            site.Href("/"),
            [.. site.Languages.Select(l => new LanguageView(l.Code, l.Name, l.Title, site.Href($"/{l.Code}/"), site.AbsoluteUrl($"/{l.Code}/"))
            {
                Strings = theme.StringsFor(l.Code),
                FeedUrl = site.Href(ListUrls.Feed(l.Code)),
            })],
            topics)
        {
            Latest = catalog?.Latest(lang, LatestCount) ?? [],
            Editions = catalog?.Editions(lang) ?? [],
            Tags = catalog?.Tags(lang) ?? [],
            TopicsUrl = site.Href(ListUrls.Topics(lang)),
            TagsUrl = site.Href(ListUrls.Tags(lang)),
            FeedUrl = site.Href(ListUrls.Feed(lang)),
            JsonFeedUrl = site.Href(ListUrls.JsonFeed(lang)),
            SearchUrl = theme.FindLayout("search") is null ? "" : site.Href(ListUrls.Search(lang)),
            Publisher = PublisherIn(lang),
        };
    }

    public PublisherView? PublisherIn(string lang) => site.Publisher is not { } publisher ? null
        : new PublisherView(publisher.NameIn(lang), Publisher.Href(publisher.Url, lang, site), publisher.Logo is { } logo ? site.Href(logo) : null)
        {
            Copyright = publisher.Copyright.In(lang),
            Licence = publisher.Licence.In(lang),
            LicenceUrl = Publisher.Href(publisher.LicenceUrl, lang, site),
            Source = publisher.Source.In(lang),
            SourceUrl = Publisher.Href(publisher.SourceUrl, lang, site),
            Links = [.. publisher.Links.Where(l => l.Name.In(lang) is not null && l.Url.In(lang) is not null)
                .Select(l => new LinkView(l.Name.In(lang)!, Publisher.Href(l.Url, lang, site)!))],
        };

    /// Topics on the home page's "latest" list.
    public const int LatestCount = 5;

    private MissingTranslationView Missing(string code, Strings strings)
    {
        var native = theme.StringsFor(code);
        // "Japanese" on English pages, "英語" on Japanese ones; the site's own name otherwise.
        var name = TopicCatalog.LanguageName(code, strings, site);
        return new MissingTranslationView(
            code,
            site.Find(code)?.Name ?? code,
            strings.Format("translation_missing", ("language", name)),
            native["translation_unavailable"],
            site.Href($"/{code}/"),
            native["translation_home"]);
    }
}
