using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Each default-language page's translation fingerprint, page by page, so a session
/// computes it again only for the pages that changed (CompareTranslations then reads it).
public sealed class FingerprintOriginals : DocumentModule
{
    protected override Document? Execute(Document input, BuildContext context) =>
        input.Get<string>(Keys.Lang) == SiteData.Site(context).DefaultLanguage
            ? input.With(Keys.Fingerprint, TranslationFingerprint.Of(input.Require<FrontMatter>(Keys.FrontMatter), input.Get<string>(Keys.Markdown) ?? ""))
            : input;
}
