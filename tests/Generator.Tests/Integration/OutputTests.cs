using System.Security.Cryptography;

namespace Generator.Tests.Integration;

// Issue 2: a failed build leaves the previous output untouched; two builds are identical.
public sealed class OutputTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        Welcome.
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        ようこそ。
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: S
        date: 2022-01-01
        ---
        Version one.

        """;

    [Fact]
    public void A_failed_build_leaves_the_previous_output_untouched()
    {
        using var site = TestSite.Build(Site);
        site.AssertSucceeded();
        var before = Snapshot(site.Output);

        site.Edit("""
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-02-30
            ---
            Version two.
            """).Rebuild();

        site.AssertDiagnostic("input/en/topics/2022/a.md(4,7): error GEN012");
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Contains("Version one.", site.Read("en/topics/2022/a/index.html"));
        Assert.DoesNotContain(Directory.EnumerateDirectories(site.Root), d => Path.GetFileName(d).StartsWith("output.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_successful_rebuild_replaces_the_output_and_removes_stale_files()
    {
        using var site = TestSite.Build(Site);
        File.Delete(Path.Combine(site.Root, "input/en/topics/2022/a.md"));
        site.Edit("""
            -- input/en/topics/2022/b.md --
            ---
            title: B
            summary: S
            date: 2022-01-02
            ---
            """).Rebuild();

        site.AssertSucceeded();
        Assert.True(site.Exists("en/topics/2022/b/index.html"));
        Assert.False(site.Exists("en/topics/2022/a/index.html"));
    }

    [Fact]
    public void Leftover_staging_folders_of_an_interrupted_build_are_cleaned()
    {
        using var site = TestSite.Create(Site);
        var leftover = Path.Combine(site.Root, "output.staging-99999-abc");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "half.html"), "half");

        site.Rebuild();

        site.AssertSucceeded();
        Assert.False(Directory.Exists(leftover));
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var first = TestSite.Build(Site);
        using var second = TestSite.Build(Site);

        first.AssertSucceeded();
        Assert.Equal(Snapshot(first.Output), Snapshot(second.Output));
    }

    [Fact]
    public void Check_mode_validates_without_writing()
    {
        using var site = TestSite.Create(Site);
        site.Rebuild(write: false);

        // The mini-site's untranslated pages are warnings (issue 4), not errors.
        site.AssertSucceeded();
        Assert.False(Directory.Exists(site.Output));
    }

    internal static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
