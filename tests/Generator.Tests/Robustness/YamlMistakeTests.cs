namespace Generator.Tests.Robustness;

// Issue 13, A.14: the common YAML mistakes are reported at the line and column where they
// are, in our words (no YamlDotNet grammar, no stray ".;"), and each is the only error.
public sealed class YamlMistakeTests
{
    private const string Settings = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---

        """;

    /// Builds a site whose only topic has this front matter, and returns its diagnostics.
    private static List<string> Diagnose(string frontMatter)
    {
        using var site = TestSite.Build(Settings + $"-- input/en/topics/2022/a.md --\n---\n{frontMatter}---\nBody\n");
        return [.. site.Result.Diagnostics.Select(d => d.ToString()).Where(d => d.StartsWith("input/en/topics/2022/a.md", StringComparison.Ordinal) && !d.Contains("GEN060"))];
    }

    [Theory]
    [InlineData( // a tab far down the front matter (it was reported at (2,1))
        "title: T\nsummary: S\ndate: 2022-01-01\ntags:\n  - a\n  - b\nimages:\n  - src: /x.png\n\t alt: X\n",
        "(10,1): error GEN010: a tab indents this line; YAML indentation must be spaces, so replace the tab with spaces")]
    [InlineData( // YamlDotNet reported this one at (2,1)
        "title: T\nsummary: S\ndate: 2022-01-01\nnumber: 3\nedition: 2022\nseries: X\ntags:\n\t- health\n",
        "(9,1): error GEN010: a tab indents this line; YAML indentation must be spaces, so replace the tab with spaces")]
    [InlineData(
        "title: T\n  \tsummary: S\ndate: 2022-01-01\n",
        "(3,3): error GEN010: a tab indents this line; YAML indentation must be spaces, so replace the tab with spaces")]
    [InlineData(
        "title: \"Unclosed\nsummary: S\ndate: 2022-01-01\n",
        "(2,8): error GEN010: unclosed quote: close the quote opened at (2,8) with a matching \" at the end of the value")]
    [InlineData(
        "title: T\nsummary: 'It is\ndate: 2022-01-01\n",
        "(3,10): error GEN010: unclosed quote: close the quote opened at (3,10) with a matching ' at the end of the value")]
    [InlineData(
        "title: A\nsummary: S\ndate: 2022-01-01\ntitle: B\n",
        "(5,1): error GEN010: 'title' is set twice (first at (2,1)); each key may appear once, so remove one of them")]
    [InlineData(
        "title: T\n  summary: S\ndate: 2022-01-01\n",
        "(3,3): error GEN010: bad indentation: 'summary' is indented more than 'title' on line 2, which already has its value; line 'summary' up with the key it belongs with")]
    [InlineData(
        "title: T\nsummary: S\ndate: 2022-01-01\nimages:\n  - src: /x.png\n   alt: X\n",
        "(7,4): error GEN010: bad indentation: 'alt' starts at column 4, where no key above it starts (they start at column 1 or 5); line it up with the key it belongs with")]
    [InlineData(
        "title: T\nsummary S\ndate: 2022-01-01\n",
        "(3,1): error GEN010: missing ':' after 'summary'; write 'summary: S'")]
    [InlineData( // YamlDotNet stops at the next line's colon
        "title T\nsummary: S\ndate: 2022-01-01\n",
        "(2,1): error GEN010: missing ':' after 'title'; write 'title: T'")]
    [InlineData(
        "title: T\nsummary:S\ndate: 2022-01-01\n",
        "(3,8): error GEN010: put a space after the ':'; write 'summary: S'")]
    [InlineData( // YamlDotNet gives no position at all for this one
        "title: T\nsummary: S\ntags: [human-security, health\ndate: 2022-01-01\n",
        "(4,7): error GEN010: the list opened at (4,7) is never closed; add ']' after its last entry")]
    [InlineData(
        "title: T\nsummary: S\ndate: 2022-01-01\nsearch_terms: [a, b\n",
        "(5,15): error GEN010: the list opened at (5,15) is never closed; add ']' after its last entry")]
    [InlineData(
        "title: T\nsummary: S\ndate: 2022-01-01\nimages: [{src: /x.png, alt: X]\n",
        "(5,30): error GEN010: ']' does not close the '{' opened at (5,10); close that one with '}'")]
    [InlineData(
        "title: Water: a right\nsummary: S\ndate: 2022-01-01\n",
        "(2,13): error GEN010: the value contains ': '; put the value in quotes, such as title: \"Water: a right\"")]
    [InlineData(
        "title: \"C:\\Users\"\nsummary: S\ndate: 2022-01-01\n",
        "(2,11): error GEN010: '\\U' in double quotes starts an escape; write '\\\\' for a backslash, or put the value in single quotes")]
    [InlineData(
        "title: \"C:\\path\"\nsummary: S\ndate: 2022-01-01\n",
        "(2,11): error GEN010: '\\p' in double quotes starts an escape; write '\\\\' for a backslash, or put the value in single quotes")]
    [InlineData(
        "title: \"Water\" for all\nsummary: S\ndate: 2022-01-01\n",
        "(2,16): error GEN010: text after the closing quote at (2,14); put all of the value inside the quotes")]
    public void A_yaml_mistake_is_one_error_at_its_position_in_our_words(string frontMatter, string expected)
    {
        var diagnostics = Diagnose(frontMatter);

        Assert.Equal(["input/en/topics/2022/a.md" + expected], diagnostics);
    }

    [Fact]
    public void No_message_carries_the_yaml_reader_s_grammar()
    {
        var cases = new[]
        {
            "title: T\n\tsummary: S\n", "title: \"x\n", "title: [a\nsummary: S\n", "title: {a: b\n", "title: a\n b: c\n",
            "title: T\n- x\n", "title: *nope\n", "title: @x\n", "title: [a]]\n", "title: |\n  x\n y: z\n",
        };

        foreach (var frontMatter in cases)
        {
            var diagnostics = Diagnose(frontMatter);
            Assert.True(diagnostics.Count >= 1, $"no diagnostic for {frontMatter}");
            Assert.All(diagnostics, d => Assert.DoesNotMatch(@"While (scanning|parsing)|did not find expected|\.;|Idx:|scalar", d));
        }
    }

    [Fact]
    public void Settings_files_report_their_yaml_mistakes_at_their_own_lines()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            base_url: "https://example.org/"
            languages: [en, ja
            default_language: en
            -- input/taxonomy.yml --
            tags:
              health:
                en: Health
               ja: 保健
            -- input/en/index.md --
            ---
            title: Home
            ---
            """);

        site.AssertDiagnostic("input/site.yml(2,12): error GEN010: the list opened at (2,12) is never closed; add ']' after its last entry");
        site.AssertDiagnostic("input/taxonomy.yml(4,4): error GEN010: bad indentation: 'ja' starts at column 4, where no key above it starts (they start at column 1 or 3 or 5); line it up with the key it belongs with");
    }
}
