using Generator.Content;
using Generator.Engine;
using Generator.Markdown;
using Generator.Site;

namespace Generator.Modules;

/// The heading ids of each default-language page that has a translation, read from its
/// Markdown page by page (a session reads again only the pages that changed), so that
/// <see cref="ShareSectionIds"/> can hand them to the translations before they render.
public sealed class FindSectionIds : DocumentModule
{
    protected override Document? Execute(Document input, BuildContext context) =>
        input.Get<string>(Keys.Lang) == SiteData.Site(context).DefaultLanguage && input.Get<Translations>(Keys.Translations) is { Existing.Count: > 0 }
            ? input.With(Keys.SourceSectionIds, SiteData.Markdown(context).SectionIds(input.Get<string>(Keys.Markdown) ?? ""))
            : input;
}
