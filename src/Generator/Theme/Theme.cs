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

    public Strings StringsFor(string lang) =>
        strings.TryGetValue(lang, out var found) ? found : new Strings(lang, $"theme/i18n/{lang}.yml", new Dictionary<string, string>());
}
