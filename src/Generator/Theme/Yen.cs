using System.Globalization;

namespace Generator.Theme;

/// Yen amounts for readers: Japanese in 万/億/兆 units ("約490億円"), English in
/// thousands of millions ("¥49 billion"). Invariant digits, whatever the machine's culture.
public static class Yen
{
    private static readonly (decimal Unit, string Name)[] Japanese = [(1_000_000_000_000m, "兆"), (100_000_000m, "億"), (10_000m, "万")];
    private static readonly (decimal Unit, string Name)[] English = [(1_000_000_000_000m, "trillion"), (1_000_000_000m, "billion"), (1_000_000m, "million")];

    /// At most one decimal in the chosen unit. <paramref name="approximate"/> (or a value that
    /// had to be rounded) adds 約 / "about".
    public static string Format(decimal amount, string lang, bool approximate = false)
    {
        var japanese = lang == "ja";
        var units = japanese ? Japanese : English;
        var magnitude = Math.Abs(amount);
        var (unit, name) = units.FirstOrDefault(u => magnitude >= u.Unit);
        string number;
        if (unit == 0)
        {
            var whole = Math.Round(amount, 0, MidpointRounding.AwayFromZero);
            approximate |= whole != amount;
            number = whole.ToString("#,0", CultureInfo.InvariantCulture);
        }
        else
        {
            var scaled = amount / unit;
            var rounded = Math.Round(scaled, 1, MidpointRounding.AwayFromZero);
            approximate |= rounded != scaled;
            number = rounded.ToString("#,0.#", CultureInfo.InvariantCulture);
        }

        if (japanese)
            return $"{(approximate ? "約" : "")}{number}{name}円";
        var text = unit == 0 ? $"¥{number}" : $"¥{number} {name}";
        return approximate ? "about " + text : text;
    }
}
