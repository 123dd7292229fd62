using System.Globalization;
using Generator.Theme;

namespace Generator.Tests.Unit;

// Issue 3: dates, era years and yen amounts read the same whatever the machine's culture.
// The projects run in invariant globalization mode (Directory.Build.props), where named
// cultures cannot be loaded, so the "machine cultures" below are made by hand: one with
// German-style numbers and month names, one with Japanese-style ones, and the invariant one.
public sealed class FormattingTests
{
    public static TheoryData<string> Cultures => ["comma-decimal", "japanese-style", "invariant"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Dates_are_formatted_per_language_not_per_machine(string culture) => UnderCulture(culture, () =>
    {
        Assert.Equal("20 September 2022", Dates.Format(new DateOnly(2022, 9, 20), "en"));
        Assert.Equal("2022年9月20日", Dates.Format(new DateOnly(2022, 9, 20), "ja"));
        Assert.Equal("2022-09-20", Dates.Iso(new DateOnly(2022, 9, 20)));
    });

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Era_years_use_gannen_for_the_first_year(string culture) => UnderCulture(culture, () =>
    {
        Assert.Equal("令和4年（2022年）", Eras.Format(new DateOnly(2022, 9, 20)));
        Assert.Equal("令和元年（2019年）", Eras.Format(new DateOnly(2019, 5, 1)));
        Assert.Equal("平成31年（2019年）", Eras.Format(new DateOnly(2019, 4, 30)));
        Assert.Equal("平成元年（1989年）", Eras.Format(new DateOnly(1989, 1, 8)));
        Assert.Equal("昭和64年（1989年）", Eras.Format(new DateOnly(1989, 1, 7)));
    });

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Yen_amounts_use_man_oku_cho_in_Japanese_and_billions_in_English(string culture) => UnderCulture(culture, () =>
    {
        Assert.Equal("約490億円", Yen.Format(49_000_000_000m, "ja", approximate: true));
        Assert.Equal("490億円", Yen.Format(49_000_000_000m, "ja"));
        Assert.Equal("¥49 billion", Yen.Format(49_000_000_000m, "en"));
        Assert.Equal("1.2兆円", Yen.Format(1_200_000_000_000m, "ja"));
        Assert.Equal("¥1.2 trillion", Yen.Format(1_200_000_000_000m, "en"));
        Assert.Equal("約1.2億円", Yen.Format(123_456_789m, "ja"));
        Assert.Equal("about ¥123.5 million", Yen.Format(123_456_789m, "en"));
        Assert.Equal("3万円", Yen.Format(30_000m, "ja"));
        Assert.Equal("¥30,000", Yen.Format(30_000m, "en"));
        Assert.Equal("9,800円", Yen.Format(9_800m, "ja"));
    });

    private static CultureInfo Make(string name)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        switch (name)
        {
            case "comma-decimal":
                culture.NumberFormat.NumberDecimalSeparator = ",";
                culture.NumberFormat.NumberGroupSeparator = ".";
                culture.DateTimeFormat.MonthNames = culture.DateTimeFormat.MonthGenitiveNames =
                    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember", ""];
                culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
                break;
            case "japanese-style":
                culture.NumberFormat.NumberGroupSeparator = "，";
                culture.NumberFormat.CurrencySymbol = "￥";
                culture.DateTimeFormat.MonthNames = culture.DateTimeFormat.MonthGenitiveNames =
                    ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", ""];
                culture.DateTimeFormat.ShortDatePattern = "yyyy/MM/dd";
                break;
        }

        return culture;
    }

    private static void UnderCulture(string name, Action test)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Make(name);
            test();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
