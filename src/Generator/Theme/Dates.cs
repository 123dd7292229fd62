using System.Globalization;

namespace Generator.Theme;

/// Dates in the page's language, never in the build machine's culture.
public static class Dates
{
    private static readonly string[] EnglishMonths =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// en: "20 September 2022"; ja: "2022年9月20日"; other languages: ISO 8601.
    public static string Format(DateOnly date, string lang) => lang switch
    {
        "en" => $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}",
        "ja" => $"{date.Year}年{date.Month}月{date.Day}日",
        _ => Iso(date),
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
