using System.Globalization;

namespace Generator.Theme;

/// Japanese era years ("令和4年（2022年）", "令和元年（2019年）"), from a fixed table so the
/// result never depends on the machine's culture or calendar data.
public static class Eras
{
    // First day of each era, newest first.
    private static readonly (DateOnly Start, string Name)[] Table =
    [
        (new DateOnly(2019, 5, 1), "令和"),
        (new DateOnly(1989, 1, 8), "平成"),
        (new DateOnly(1926, 12, 25), "昭和"),
        (new DateOnly(1912, 7, 30), "大正"),
        (new DateOnly(1868, 10, 23), "明治"),
    ];

    /// "令和4年（2022年）"; the first year of an era is 元年. Before Meiji: "1850年".
    public static string Format(DateOnly date)
    {
        var western = date.Year.ToString(CultureInfo.InvariantCulture) + "年";
        foreach (var (start, name) in Table)
        {
            if (date < start)
                continue;
            var year = date.Year - start.Year + 1;
            var eraYear = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
            return $"{name}{eraYear}年（{western}）";
        }

        return western;
    }
}
