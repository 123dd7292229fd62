using Git = Generator.Tests.Integration.TranslationChangeTests.Git;

namespace Generator.Tests.Record;

// Issue 20, point 3: `check` compares the input with the last commit of the default branch
// (a Git repository in the test's folder) and reports a published topic that was renamed or
// deleted without an alias.
public sealed class MovedTopicCheckTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/topics/2022/wells.md --
        ---
        title: Wells
        summary: Wells for villages.
        date: 2022-09-20
        ---
        Text.
        -- input/en/topics/2022/roads.md --
        ---
        title: Roads
        summary: Roads.
        date: 2022-09-21
        ---
        Text.
        -- input/en/topics/2022/unfinished.md --
        ---
        title: Unfinished
        summary: Never published.
        date: 2022-09-22
        draft: true
        ---
        Text.
        """;

    private static TestSite Committed()
    {
        var site = TestSite.Create(Site);
        Git.Init(site.Root);
        return site;
    }

    private static void Move(TestSite site, string from, string to)
    {
        Git.Run(site.Root, "mv", from, to);
    }

    [Fact]
    public void A_renamed_topic_without_an_alias_is_reported_at_its_new_file()
    {
        using var site = Committed();
        Move(site, "input/en/topics/2022/wells.md", "input/en/topics/2022/clean-water.md");

        site.Rebuild(write: false);

        site.AssertDiagnostic("input/en/topics/2022/clean-water.md(1,1): error GEN113: was published as input/en/topics/2022/wells.md at /en/topics/2022/wells/ (on main); add 'aliases: [/en/topics/2022/wells/]' to its front matter");
    }

    [Fact]
    public void An_alias_for_the_old_address_satisfies_the_check()
    {
        using var site = Committed();
        Move(site, "input/en/topics/2022/wells.md", "input/en/topics/2022/clean-water.md");
        var file = Path.Combine(site.Root, "input/en/topics/2022/clean-water.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("date: 2022-09-20\n", "date: 2022-09-20\naliases: [/en/topics/2022/wells/]\n", StringComparison.Ordinal));

        site.Rebuild(write: false);

        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MovedWithoutAlias);
        site.AssertSucceeded();
    }

    [Fact]
    public void A_deleted_topic_is_reported_at_its_old_path_and_a_draft_never_was_published()
    {
        using var site = Committed();
        File.Delete(Path.Combine(site.Root, "input/en/topics/2022/roads.md"));
        File.Delete(Path.Combine(site.Root, "input/en/topics/2022/unfinished.md"));

        site.Rebuild(write: false);

        site.AssertDiagnostic("input/en/topics/2022/roads.md: error GEN113: was published at /en/topics/2022/roads/ (on main) and is gone; add 'aliases: [/en/topics/2022/roads/]' to the front matter of the topic that replaces it");
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MovedWithoutAlias);
    }

    [Fact]
    public void Build_and_a_folder_outside_git_do_not_compare()
    {
        using var committed = Committed();
        File.Delete(Path.Combine(committed.Root, "input/en/topics/2022/roads.md"));
        committed.Rebuild(write: true);
        Assert.DoesNotContain(committed.Result.Diagnostics, d => d.Code == DiagnosticCodes.MovedWithoutAlias);

        using var plain = TestSite.Create(Site);
        plain.Rebuild(write: false);
        plain.AssertSucceeded();
    }
}
