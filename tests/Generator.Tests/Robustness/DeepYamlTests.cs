using Generator.Tests.Integration;

namespace Generator.Tests.Robustness;

// Issue 13, A.2: YAML nested deeper than any real file (search_terms with 50,000 '[', a
// flow mapping 20,000 deep) overflowed the stack and killed the process with exit code
// 134. Every YAML reader (front matter, site.yml, taxonomy.yml, i18n) now refuses depth
// beyond the limit with GEN071 at the level that crosses it. The in-process tests use a
// depth that never overflowed, so a regression fails them instead of killing the test
// host; the process tests use the depths that crashed.
public sealed class DeepYamlTests
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

    private static string Lists(int depth) => new string('[', depth) + new string(']', depth);

    private static string Maps(int depth) => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);

    [Fact]
    public void Front_matter_nested_beyond_the_limit_is_refused_at_the_level_that_crosses_it()
    {
        // The front matter's own keys are level 1, so the 64th '[' is level 65: column 15 + 63.
        using var site = TestSite.Build(Settings + $"""
            -- input/en/topics/2022/a.md --
            ---
            title: T
            summary: S
            date: 2022-01-01
            search_terms: {Lists(100)}
            ---
            Body
            """);

        Assert.Equal(
            ["input/en/topics/2022/a.md(5,78): error GEN071: lists or keys are nested more than 64 levels deep here; flatten them"],
            site.Result.Diagnostics.Select(d => d.ToString()).Where(d => d.Contains("topics/2022/a.md", StringComparison.Ordinal) && !d.Contains("GEN060")));
    }

    [Fact]
    public void Nesting_within_the_limit_is_read_as_usual()
    {
        using var site = TestSite.Build(Settings + $"""
            -- input/en/topics/2022/a.md --
            ---
            title: T
            summary: S
            date: 2022-01-01
            search_terms: {Lists(60)}
            ---
            Body
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,16): error GEN013: each entry of 'search_terms' must be text, got a list");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.NestingTooDeep);
    }

    [Fact]
    public void Settings_taxonomy_and_interface_strings_nested_beyond_the_limit_are_refused()
    {
        using var site = TestSite.Create(Settings + $"""
            -- input/taxonomy.yml --
            tags: {Maps(100)}
            """);
        File.WriteAllText(Path.Combine(site.Root, "input/site.yml"), $"languages: [en, ja]\ntitle: {Maps(100)}\n");
        File.AppendAllText(Path.Combine(site.Root, "theme/i18n/ja.yml"), $"\ndeep: {Lists(100)}\n");

        site.Rebuild();

        site.AssertDiagnostic("input/site.yml(2,260): error GEN071: lists or keys are nested more than 64 levels deep here; flatten them");
        site.AssertDiagnostic("input/taxonomy.yml(1,259): error GEN071");
        var i18nLine = File.ReadAllLines(Path.Combine(site.Root, "theme/i18n/ja.yml")).Length;
        site.AssertDiagnostic($"theme/i18n/ja.yml({i18nLine},70): error GEN071");
    }

    [Fact]
    public void The_command_line_reports_the_depths_that_overflowed_the_stack_and_exits_one()
    {
        using var site = TestSite.Create(Settings + $"""
            -- input/en/topics/2022/lists.md --
            ---
            title: T
            summary: S
            date: 2022-01-01
            search_terms: {Lists(50_000)}
            ---
            Body
            -- input/en/topics/2022/maps.md --
            ---
            title: T
            summary: S
            date: 2022-01-01
            images: {Maps(20_000)}
            ---
            Body
            """);
        File.WriteAllText(Path.Combine(site.Root, "input/site.yml"), $"languages: [en, ja]\ntitle: {Maps(20_000)}\n");

        foreach (var command in new[] { "check", "build" })
        {
            var (code, output) = CommandLineTests.Run(site, command);

            Assert.True(code == 1, $"{command} exited with {code}:\n{output[..Math.Min(output.Length, 3000)]}");
            TestSite.AssertText(output, """
                input/en/topics/2022/lists.md(5,78): error GEN071: lists or keys are nested more than 64 levels deep here; flatten them
                input/en/topics/2022/maps.md(5,261): error GEN071
                input/site.yml(2,260): error GEN071
                ! Stack overflow
                ! at Generator
                ! missing required key
                """, command);
        }
    }
}
