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

    // Outside look (issue 20): a plain mv (not git mv) is, to Git, a deletion and an untracked
    // file; the rename is found by content, as Git's rename detection would once it is added.
    [Fact]
    public void A_topic_moved_with_a_plain_mv_is_reported_at_its_new_file()
    {
        using var site = Committed();
        var from = Path.Combine(site.Root, "input/en/topics/2022/wells.md");
        var to = Path.Combine(site.Root, "input/en/topics/2023/clean-water.md");
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to);
        File.WriteAllText(to, File.ReadAllText(to).Replace("Text.", "Text, and a sentence more.", StringComparison.Ordinal));
        // A new topic that is not like the moved one is no candidate.
        File.WriteAllText(Path.Combine(site.Root, "input/en/topics/2023/bridges.md"), "---\ntitle: Bridges\nsummary: Rivers crossed.\ndate: 2023-02-01\n---\nOther.\n");

        site.Rebuild(write: false);

        site.AssertDiagnostic("input/en/topics/2023/clean-water.md(1,1): error GEN113: was published as input/en/topics/2022/wells.md at /en/topics/2022/wells/ (on main); add 'aliases: [/en/topics/2022/wells/]' to its front matter");
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MovedWithoutAlias);
    }

    // Outside look (issue 20): removing a committed alias took a published address away unreported.
    [Fact]
    public void A_published_alias_removed_from_its_file_is_reported_there()
    {
        using var site = TestSite.Create(Site.Replace("date: 2022-09-21\n", "date: 2022-09-21\naliases:\n  - /en/topics/2021/roads/\n  - /en/old-roads/\n", StringComparison.Ordinal));
        Git.Init(site.Root);
        var file = Path.Combine(site.Root, "input/en/topics/2022/roads.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  - /en/old-roads/\n", "", StringComparison.Ordinal));

        site.Rebuild(write: false);

        site.AssertDiagnostic("input/en/topics/2022/roads.md(5,9): error GEN113: had the alias /en/old-roads/ when it was published (on main), and no page or alias carries that address now; keep '/en/old-roads/' in its aliases");
        Assert.Single(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MovedWithoutAlias);

        // Moving the address to another file keeps it published: no error.
        var wells = Path.Combine(site.Root, "input/en/topics/2022/wells.md");
        File.WriteAllText(wells, File.ReadAllText(wells).Replace("date: 2022-09-20\n", "date: 2022-09-20\naliases: [/en/old-roads/]\n", StringComparison.Ordinal));
        site.Rebuild(write: false);
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MovedWithoutAlias);
    }

    [Fact]
    public void Git_similarity_is_the_shared_lines_bytes_over_the_larger_file()
    {
        Assert.Equal(1, Generator.Editing.PublishedTopics.Similarity("a\nb\n", "a\nb\n"));
        Assert.True(Generator.Editing.PublishedTopics.Similarity("title: A\nsame line here\n", "title: B\nsame line here\n") >= 0.5);
        Assert.True(Generator.Editing.PublishedTopics.Similarity("one\ntwo\n", "three\nfour\n") < 0.5);
    }
}
