using System.Globalization;

namespace Generator.Theme;

/// An interface string with plural forms (CLDR categories), from a mapping in the i18n
/// file: <c>topic_count: { one: "{count} topic", other: "{count} topics" }</c>; a language
/// with one form (Japanese) writes a plain string. Layouts choose with
/// <c>{{ t.topic_count | count: n }}</c>.
public sealed record Plural(string Lang, IReadOnlyDictionary<string, string> Forms)
{
    public static readonly string[] Categories = ["zero", "one", "two", "few", "many", "other"];

    /// The categories a language's rule can choose (CLDR's, for the languages a white paper
    /// site is likely to have; one/other for the rest).
    public static IReadOnlyList<string> CategoriesOf(string lang) => Category(lang, 1) == "other" ? ["other"] : ["one", "other"];

    public static string Category(string lang, decimal n) => lang.Split('-')[0] switch
    {
        "ja" or "zh" or "ko" or "th" or "vi" or "id" or "ms" => "other",
        "fr" or "pt" => n is 0 or 1 ? "one" : "other",
        _ => n == 1 ? "one" : "other",
    };

    /// The form for <paramref name="n"/> with "{count}" filled in.
    public string For(decimal n) =>
        (Forms.TryGetValue(Category(Lang, n), out var form) ? form : Forms["other"])
            .Replace("{count}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    // A plural printed without a count shows its general form rather than a type name.
    public override string ToString() => Forms["other"];
}
