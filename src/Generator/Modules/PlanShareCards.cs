using Generator.Content;
using Generator.Engine;
using Generator.Photos;
using Generator.Theme;

namespace Generator.Modules;

/// Gives each topic without a cover its share card (issue 15): what it shows, in the page's
/// language, and where it is published, for the page's og:image and for the ShareCards
/// pipeline that draws it. Without the card fonts no topic gets one (the ShareCards pipeline
/// says so once), so no page names an image that is not there; nor with share_cards: false.
public sealed class PlanShareCards(bool fontsAvailable) : DocumentModule
{
    /// The interface strings the card's series label is worded with (<see cref="Labels.Series"/>).
    public static readonly IReadOnlyList<string> Strings = ["series_number", "topic_number"];

    protected override Document? Execute(Document doc, BuildContext context)
    {
        if (!fontsAvailable || doc.Get<PageKind>(Keys.Kind) != PageKind.Topic || doc.Get<string>(Keys.Cover) is not null)
            return doc;
        var site = SiteData.Site(context);
        if (!site.ShareCards)
            return doc;
        var lang = doc.Require<string>(Keys.Lang);
        var matter = doc.Get<FrontMatter>(Keys.FrontMatter) ?? new FrontMatter();
        var strings = SiteData.Strings(context, nameof(PlanShareCards), lang);
        var publisher = site.Publisher?.NameIn(lang) ?? site.Find(lang)?.Title ?? "";
        return doc.With(Keys.ShareCard, new ShareCard(ShareCard.PathOf(doc.Require<string>(Keys.Url)), lang,
            ShareCard.OneLine(matter.Title ?? doc.Get<string>(Keys.Title) ?? ""), Labels.Series(matter.Series, matter.Number, strings) is { } series ? ShareCard.OneLine(series) : null,
            ShareCard.OneLine(publisher)));
    }
}
