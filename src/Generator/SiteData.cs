using Generator.Content;
using Generator.Engine;
using Generator.Markdown;
using Generator.Site;
using Generator.Theme;

namespace Generator;

/// What the Data pipeline loaded (<see cref="Modules.LoadSiteData"/>), read through the
/// context: a result records each part it read, so a layout edit re-renders the pages
/// without parsing their front matter again, and a taxonomy edit parses front matter again
/// without re-rendering Markdown that did not change. Read these where the result is made
/// (a per-page step's Execute), not in a step's Prepare, whose reads are not recorded.
public static class SiteData
{
    internal const string SiteName = "data/site";
    internal const string TaxonomyName = "data/taxonomy";
    internal const string FrontMatterName = "data/front-matter";
    internal const string MarkdownName = "data/markdown";
    internal const string ThemeName = "data/theme";
    internal const string ViewsName = "data/views";
    internal const string PhotoSizesName = "data/photo-sizes";
    internal const string GlossaryName = "data/glossary";
    private const string ValueKey = "data";

    public static SiteConfig Site(BuildContext context) => Read<SiteConfig>(context, SiteName);

    public static Taxonomy Taxonomy(BuildContext context) => Read<Taxonomy>(context, TaxonomyName);

    public static FrontMatterReader FrontMatter(BuildContext context) => Read<FrontMatterReader>(context, FrontMatterName);

    public static MarkdownPages Markdown(BuildContext context) => Read<MarkdownPages>(context, MarkdownName);

    /// input/glossary.yml (empty without one, and in `build`).
    public static Glossary Glossary(BuildContext context) => Read<Glossary>(context, GlossaryName);

    /// The interface strings a step shows besides its layout, declared per step: a step reads
    /// only its own set, so editing any other string does not run it again.
    internal static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> StringSets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [nameof(MarkdownPages)] = MarkdownPages.Strings,
        [nameof(Modules.FeedWriter)] = Modules.FeedWriter.Strings,
        [nameof(Citation)] = Citation.Strings,
        [nameof(Modules.PlanShareCards)] = Modules.PlanShareCards.Strings,
    };

    /// The strings of a language in a declared set (<see cref="StringSets"/>).
    public static Strings Strings(BuildContext context, string set, string lang) => Read<Strings>(context, StringsName(set, lang));

    internal static string StringsName(string set, string lang) => $"data/strings/{set}/{lang}";

    public static Theme.Theme Theme(BuildContext context) => Read<Theme.Theme>(context, ThemeName);

    public static PageViews Views(BuildContext context) => Read<PageViews>(context, ViewsName);

    /// The `sizes` of the photos of a page laid out with <paramref name="layout"/> (its own
    /// photo_sizes or its nearest parent's): Markdown reads these, not the layouts.
    public static string PhotoSizes(BuildContext context, string layout) =>
        Read<PhotoSizesByLayout>(context, PhotoSizesName).Sizes.GetValueOrDefault(layout) ?? Generator.Theme.Theme.DefaultPhotoSizes;

    /// The settings a finished build loaded, for the commands that report after it.
    public static SiteConfig Site(BuildResult result) => Loaded<SiteConfig>(result, SiteName) ?? SiteConfig.Default;

    /// The settings among the Data pipeline's own documents, for a later step of that
    /// pipeline (<see cref="Modules.LoadGlossary"/>), which sees them as its inputs.
    internal static SiteConfig? Site(IReadOnlyList<Document> data) =>
        data.FirstOrDefault(d => d.Source == SiteName)?.Get<Product>(ValueKey)?.Value as SiteConfig;

    /// The theme among a finished build's Data documents, for the steps over its output (the PDFs).
    internal static Theme.Theme? Theme(IReadOnlyList<Document> data) =>
        data.FirstOrDefault(d => d.Source == ThemeName)?.Get<Product>(ValueKey)?.Value as Theme.Theme;

    /// The page views a finished build made its pages with (null when it could not load).
    public static PageViews? Views(BuildResult result) => Loaded<PageViews>(result, ViewsName);

    /// Data documents holding just these settings, taxonomy and theme, for steps run in a
    /// pipeline graph made by hand (a module test) rather than a whole site.
    public static IReadOnlyList<Document> Documents(SiteConfig site, Taxonomy taxonomy, Theme.Theme theme) =>
    [
        Make(SiteName, site, Fingerprints.Of(site)),
        Make(TaxonomyName, taxonomy, Fingerprints.Of(string.Join(',', taxonomy.Keys))),
        Make(ThemeName, theme, Fingerprints.Of(theme.Layouts.Keys.Order(StringComparer.Ordinal).ToList())),
        Make(GlossaryName, Content.Glossary.Empty, Fingerprints.Of("")),
        .. StringDocuments(site, theme),
    ];

    /// A document per declared string set (<see cref="StringSets"/>) and language.
    internal static IEnumerable<Document> StringDocuments(SiteConfig site, Theme.Theme theme) =>
        StringSets.SelectMany(set => site.Languages.Select(l => l.Code).Distinct(StringComparer.Ordinal).Select(lang =>
        {
            // Only the set's strings, so editing any other string, or another language's, leaves it equal.
            var strings = theme.StringsFor(lang).Only(set.Value);
            return Make(StringsName(set.Key, lang), strings, strings.Fingerprint);
        }));

    private static T? Loaded<T>(BuildResult result, string name) where T : class =>
        (result.Outputs.GetValueOrDefault(nameof(Pipelines.Data)) ?? []).FirstOrDefault(d => d.Source == name)?.Get<Product>(ValueKey)?.Value as T;

    internal static Document Make(string name, object value, Fingerprint fingerprint) =>
        new Document { Source = name }.With(ValueKey, new Product(value, fingerprint));

    private static T Read<T>(BuildContext context, string name) where T : class
    {
        // The selected value is the product with its fingerprint, so a changed one is compared by that.
        foreach (var product in context.OutputsOf(nameof(Pipelines.Data), name, d => d.Source == name ? d.Get<Product>(ValueKey) : null))
        {
            if (product?.Value is T found)
                return found;
        }

        throw new InvalidOperationException($"the Data pipeline made no '{name}'; {context.Pipeline.Name} must depend on it");
    }

    /// Each layout's photo sizes, compared by value.
    internal sealed record PhotoSizesByLayout(IReadOnlyDictionary<string, string> Sizes);

    /// One loaded part, with the fingerprint of what it was made from.
    private sealed class Product(object value, Fingerprint fingerprint) : IFingerprinted
    {
        public object Value { get; } = value;

        public Fingerprint Fingerprint { get; } = fingerprint;
    }
}
