using System.Globalization;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Theme;

/// Turns documents into the views layouts see.
public sealed class PageViews(SiteConfig site, Taxonomy taxonomy, Theme theme)
{
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

        return new PageView
        {
            Title = matter.Title ?? doc.Get<string>(Keys.Title) ?? "",
            Summary = matter.Summary,
            Lang = lang,
            LangName = site.Find(lang)?.Name ?? lang,
            Kind = doc.Require<PageKind>(Keys.Kind).ToString().ToLowerInvariant(),
            Url = site.Href(url),
            Permalink = site.AbsoluteUrl(url),
            Date = matter.Date is { } date ? Dates.Iso(date) : null,
            DateText = matter.Date is { } shown ? Dates.Format(shown, lang) : null,
            Edition = matter.Edition,
            Number = matter.Number,
            Series = matter.Series,
            SeriesLabel = matter.Series is { } series && number is not null
                ? strings.Format("series_number", ("series", series), ("number", number))
                : null,
            Tags = [.. matter.Tags.Select(t => new TagView(t, taxonomy.Name(t, lang)))],
            Photos = [.. figures.Take(photoCount)],
            Figures = figures,
            Cover = doc.Get<string>(Keys.Cover),
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
            StaleNotice = doc.Get<TranslationStatus?>(Keys.TranslationStatus) == TranslationStatus.Stale ? Stale(strings) : null,
            OriginalUrl = translations.Existing.FirstOrDefault(t => t.Lang == site.DefaultLanguage) is { } original ? site.Href(original.Url) : null,
            Draft = matter.Draft,
        };
    }

    private string Stale(Strings strings) =>
        strings.Format("translation_stale", ("language", strings.TryGet("lang_" + site.DefaultLanguage, out var name) ? name : site.Find(site.DefaultLanguage)?.Name ?? site.DefaultLanguage));

    public SiteView Site(string lang, IReadOnlyList<PageView> topics)
    {
        var language = site.Find(lang);
        return new SiteView(
            language?.Title ?? "",
            lang,
            site.Href($"/{lang}/"),
            site.Href("/"),
            [.. site.Languages.Select(l => new LanguageView(l.Code, l.Name, l.Title, site.Href($"/{l.Code}/"), site.AbsoluteUrl($"/{l.Code}/")))],
            topics);
    }

    private MissingTranslationView Missing(string code, Strings strings)
    {
        var native = theme.StringsFor(code);
        // "Japanese" on English pages, "英語" on Japanese ones; the site's own name otherwise.
        var name = strings.TryGet("lang_" + code, out var localized) ? localized : site.Find(code)?.Name ?? code;
        return new MissingTranslationView(
            code,
            site.Find(code)?.Name ?? code,
            strings.Format("translation_missing", ("language", name)),
            native["translation_unavailable"],
            site.Href($"/{code}/"),
            native["translation_home"]);
    }
}
