using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace Generator.Theme;

/// The loaded theme: layouts parsed once, interface strings per language, and the Fluid
/// options every render shares (strict variables and filters, snake_case members).
public sealed class Theme(
    IReadOnlyDictionary<string, Layout> layouts,
    IReadOnlyDictionary<string, Strings> strings,
    TemplateOptions options)
{
    /// HTML-escapes what must be escaped but leaves Japanese text as it is.
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public TemplateOptions Options { get; } = options;

    public IReadOnlyDictionary<string, Layout> Layouts { get; } = layouts;

    public Layout? FindLayout(string name) => Layouts.GetValueOrDefault(name);

    /// Layouts whose file exists but could not be parsed (their error is reported at the file).
    public IReadOnlySet<string> Broken { get; init; } = new HashSet<string>();

    /// No layout file at all, parsed or not: one error at the layouts folder says so, and no
    /// page is told its own layout does not exist.
    public bool HasNoLayouts => Layouts.Count == 0 && Broken.Count == 0;

    /// The partials that parsed, each with its file (as shown) and the line its text starts
    /// on, in name order: where a render error a layout's own text does not explain is looked for.
    public IReadOnlyList<(string Path, string Source, int FirstLine)> PartialFiles { get; init; } = [];

    /// The <c>sizes</c> of photos on pages of layout <paramref name="name"/>: the first
    /// <c>photo_sizes</c> along the layout and its parents, or "100vw" (the browser's own
    /// default) when none declares one.
    public string PhotoSizes(string name)
    {
        var seen = 0;
        for (var layout = FindLayout(name); layout is not null && seen++ < 32; layout = layout.Parent is { } parent ? FindLayout(parent) : null)
        {
            if (layout.PhotoSizes is { Length: > 0 } sizes)
                return sizes;
        }

        return DefaultPhotoSizes;
    }

    /// The sizes of a photo whose layout declares none: the viewport's width.
    public const string DefaultPhotoSizes = "100vw";

    public Strings StringsFor(string lang) =>
        strings.TryGetValue(lang, out var found) ? found : new Strings(lang, $"theme/i18n/{lang}.yml", new Dictionary<string, string>());
}
