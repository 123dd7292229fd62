using Generator.Site;

namespace Generator.Tests.Unit;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("titel", "title")]
    [InlineData("summery", "summary")]
    [InlineData("tag", "tags")]
    [InlineData("translationkey", "translation_key")]
    public void Misspelled_keys_find_the_intended_one(string written, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(written, ["title", "summary", "tags", "translation_key", "date"]));

    [Fact]
    public void Unrelated_words_get_no_suggestion() =>
        Assert.Null(Suggestions.Closest("colour", ["title", "summary", "date"]));
}
