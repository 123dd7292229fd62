using System.Globalization;
using Generator.Theme;

namespace Generator.Tests.Unit;

public sealed class DatesTests
{
    [Theory]
    [InlineData("en", "20 September 2022")]
    [InlineData("ja", "2022年9月20日")]
    [InlineData("fr", "2022-09-20")]
    public void Dates_read_naturally_in_each_language(string lang, string expected) =>
        Assert.Equal(expected, Dates.Format(new DateOnly(2022, 9, 20), lang));

    [Fact]
    public void The_machine_culture_does_not_change_the_format()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.Equal("1 January 2023", Dates.Format(new DateOnly(2023, 1, 1), "en"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
