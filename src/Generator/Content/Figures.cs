using Generator.Theme;

namespace Generator.Content;

/// Labels figures in the page's language: "Photo 1" / "写真1", "Photo: UNDP" / "写真：UNDP".
public static class Figures
{
    public static Figure Make(int number, string src, string alt, string? caption, string? credit, Strings strings)
    {
        var n = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Figure(
            number,
            strings.Format("figure_label", ("n", n)),
            src,
            alt,
            string.IsNullOrWhiteSpace(caption) ? null : caption,
            string.IsNullOrWhiteSpace(credit) ? null : credit,
            string.IsNullOrWhiteSpace(credit) ? null : strings.Format("figure_credit", ("credit", credit)),
            "photo-" + n);
    }
}
