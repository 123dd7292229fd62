using Generator.Validation;

namespace Generator.Tests.Integration;

// Every internal link of a built site resolves, fragments included.
public sealed class OutputLinkTests
{
    private const string Site = """
        -- input/site.yml --
        base_url: "https://org.github.io/repo/"
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: S
        date: 2022-01-01
        ---
        ## Background

        See [B's outlook](../b/#outlook) and [my background](#background).
        -- input/en/topics/2022/b.md --
        ---
        title: B
        summary: S
        date: 2022-01-01
        ---
        ## Outlook

        """;

    [Fact]
    public void A_built_site_with_a_base_path_has_no_broken_internal_link()
    {
        using var site = TestSite.Build(Site);
        site.AssertSucceeded();

        Assert.Empty(OutputLinkChecker.Check(site.Output, "/repo/"));
    }

    [Fact]
    public void The_checker_finds_missing_files_and_missing_fragments()
    {
        using var site = TestSite.Build(Site);
        File.WriteAllText(Path.Combine(site.Output, "en/broken.html"),
            """<a href="/repo/en/nowhere/">x</a><a href="/repo/en/topics/2022/b/#nothing">y</a><img src="../assets/none.png" alt=""><a href="https://example.org/">z</a>""");

        var broken = OutputLinkChecker.Check(site.Output, "/repo/").Select(b => b.ToString()).ToList();

        Assert.Equal(
        [
            "en/broken.html: href=\"/repo/en/nowhere/\" points to /repo/en/nowhere/, which is not in the output",
            "en/broken.html: href=\"/repo/en/topics/2022/b/#nothing\" points to #nothing, which is not an id on en/topics/2022/b/index.html",
            "en/broken.html: src=\"../assets/none.png\" points to /repo/assets/none.png, which is not in the output",
        ], broken);
    }
}
