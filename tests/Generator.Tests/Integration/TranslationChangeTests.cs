using System.Diagnostics;

namespace Generator.Tests.Integration;

// Issue 17: `translations mark` keeps the original's blocks (and its commit in a Git work
// tree); `check --translations` then names each block of the original that was added,
// removed or changed since, with a word-level diff, and the translation's block that
// corresponds. `--minor` carries a translation over a change that needs no retranslation.
public sealed class TranslationChangeTests
{
    private const string Site = """
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
        -- input/en/topics/2022/water.md --
        ---
        title: Water for all
        summary: Wells for villages.
        date: 2022-01-01
        ---
        ## Background

        Many villages have no safe water and walk far to fetch it.

        - Wells were dug.
        - Pumps were repaired.

        ## Results

        Children go to school instead.
        -- input/ja/topics/2022/water.md --
        ---
        title: すべての人に水を
        summary: 村に井戸を。
        ---
        ## 背景

        多くの村には安全な水がなく、遠くまで水をくみに行きます。

        - 井戸が掘られました。
        - ポンプが修理されました。

        ## 成果

        子どもたちは代わりに学校へ通います。
        """;

    private const string English = "input/en/topics/2022/water.md";
    private const string Japanese = "input/ja/topics/2022/water.md";

    [Fact]
    public void Check_translations_names_the_changed_added_and_removed_blocks_with_a_word_diff_and_the_translated_block()
    {
        using var site = TestSite.Create(Site);
        var head = Git.Init(site.Root);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark", Japanese).Code);
        var record = File.ReadAllText(Path.Combine(site.Root, "input/.translations/ja/topics/2022/water.yml"));
        TestSite.AssertText(record, $"""
            original: {English}
            commit: {head}
            marked_by: Test Translator <translator@example.org>
            kind: h2
            text: Many villages have no safe water and walk far to fetch it.
            """, "the record");

        Edit(site, English, ("Water for all", "Clean water for all"), ("no safe water and walk far", "no safe water nearby and walk for hours"),
            ("- Pumps were repaired.\n", ""), ("Children go to school instead.", "Children go to school instead.\n\nGirls gained the most."));
        var (code, text) = CommandLineTests.Run(site, "check", "--translations");
        var (_, json) = CommandLineTests.Run(site, "check", "--translations", "--format", "json");
        var (_, github) = CommandLineTests.Run(site, "check", "--translations", "--format", "github");

        Assert.True(code == 0, text);
        TestSite.AssertText(text, $"""
            topics/2022/water  topic  original  stale
            {Japanese} is stale (marked at commit {head[..12]} by Test Translator <translator@example.org>): 4 blocks of {English} changed
            {English}(2,1): warning GEN093: 'title' changed since {Japanese} was marked: [-Water-]{"{+Clean water+}"} for all; its translation is {Japanese}(2,1)
            {English}(8,1): warning GEN093: paragraph changed since {Japanese} was marked: Many villages have no safe water {"{+nearby+}"} and walk [-far-]{"{+for hours+}"} to fetch it.; its translation is {Japanese}(8,1)
            {English}(16,1): warning GEN094: paragraph added since {Japanese} was marked: "Girls gained the most."; translate it after {Japanese}(15,1)
            {Japanese}(11,1): warning GEN095: list item removed from {English} since this translation was marked: "Pumps were repaired."; remove its translation here
            """, "check --translations");
        TestSite.AssertText(json, $"""
            "translation": "{Japanese}",
            "commit": "{head}",
            "code": "GEN094",
            """, "--format json");
        TestSite.AssertText(github, $"""
            ::warning file={English},line=8,col=1,title=GEN093::paragraph changed since
            ::warning file={Japanese},line=11,col=1,title=GEN095::
            """, "--format github");

        // Once translated and marked again, nothing is left to report.
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark", Japanese).Code);
        TestSite.AssertText(CommandLineTests.Run(site, "check", "--translations").Stdout, """
            topics/2022/water  topic  original  ok
            ! GEN093
            """, "after marking again");
    }

    // Outside review, item 2: a moved block is one change, and it does not pair with the
    // block edited beside it (the word diff compares the edited paragraph with its old text).
    [Fact]
    public void A_moved_paragraph_is_one_change_and_the_paragraph_edited_beside_it_keeps_its_own_diff()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Edit(site, English, ("\n\n## Results\n\nChildren go to school instead.", "\n\n## Results"),
            ("Many villages have no safe water and walk far", "Children go to school instead.\n\nMany villages have no safe water and walk for hours"));

        var (_, text) = CommandLineTests.Run(site, "check", "--translations");

        TestSite.AssertText(text, $"""
            {Japanese} is stale: 2 blocks of {English} changed
            {English}(8,1): warning GEN130: paragraph moved since {Japanese} was marked (its text is unchanged): "Children go to school instead."; move its translation {Japanese}(15,1) after {Japanese}(6,1)
            {English}(10,1): warning GEN093: paragraph changed since {Japanese} was marked: Many villages have no safe water and walk [-far-]{"{+for hours+}"} to fetch it.; its translation is {Japanese}(8,1)
            ! GEN094
            ! GEN095
            """, "check --translations");
    }

    // Outside review, item 7: bidirectional and zero-width characters are shown by their code
    // point in check's output (text and GitHub annotations), so a line reads as it is stored.
    [Fact]
    public void Check_shows_bidirectional_and_zero_width_characters_by_their_code_point()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Edit(site, English, ("Children go to school instead.", "Children go to school\u200B instead \u202Eevil\u202C."));

        var (_, text) = CommandLineTests.Run(site, "check", "--translations");
        var (_, github) = CommandLineTests.Run(site, "check", "--translations", "--format", "github");

        TestSite.AssertText(text, "[-school instead.-]{+school<U+200B> instead <U+202E>evil<U+202C>.+}", "check --translations");
        TestSite.AssertText(github, "school<U+200B> instead <U+202E>evil<U+202C>.", "--format github");
        Assert.DoesNotContain('\u200B', text + github);
        Assert.DoesNotContain('\u202E', text + github);
    }

    [Fact]
    public void Outside_git_the_record_has_no_commit_and_the_diff_still_works()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Assert.DoesNotContain("commit:", File.ReadAllText(Path.Combine(site.Root, "input/.translations/ja/topics/2022/water.yml")));

        Edit(site, English, ("## Results", "## Outcomes"));
        var (_, text) = CommandLineTests.Run(site, "check", "--translations");

        TestSite.AssertText(text, $"""
            {Japanese} is stale: 1 block of {English} changed
            {English}(13,1): warning GEN093: heading changed since {Japanese} was marked: [-Results-]{"{+Outcomes+}"}; its translation is {Japanese}(13,1)
            """, "check --translations");
    }

    [Fact]
    public void Where_the_translation_merged_blocks_a_change_says_no_block_corresponds()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        // The translator wrote the two list items as one paragraph.
        Edit(site, Japanese, ("- 井戸が掘られました。\n- ポンプが修理されました。", "井戸が掘られ、ポンプが修理されました。"));
        Edit(site, English, ("- Pumps were repaired.", "- Hand pumps were repaired."));
        var (_, text) = CommandLineTests.Run(site, "check", "--translations");

        TestSite.AssertText(text,
            $"{English}(11,1): warning GEN093: list item changed since {Japanese} was marked: [-Pumps-]{{+Hand pumps+}} were repaired.; no block of {Japanese} corresponds (its structure differs here), so find its translation by hand",
            "check --translations");
    }

    [Fact]
    // Outside review, item 9: a missing record says one thing (not also "1 block changed").
    public void A_translation_without_its_block_record_is_stale_and_says_which_blocks_changed_is_unknown()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        File.Delete(Path.Combine(site.Root, "input/.translations/ja/topics/2022/water.yml"));
        Edit(site, English, ("## Results", "## Outcomes"));
        var summary = Path.Combine(site.Root, "summary.md");

        var text = CommandLineTests.Run(site, "check", "--translations").Stdout;
        Cli.CliProcess.Run(site, ["check", "--translations", "--format", "github"], new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary });

        TestSite.AssertText(text, $"""
            {Japanese} is stale: which blocks of {English} changed is unknown (it has no block record)
            {Japanese}(4,18): warning GEN096: {English} has changed, but this translation has no block record (input/.translations/ja/topics/2022/water.yml is missing: it was marked before block records were kept, or the record was deleted)
            ! 1 block
            """, "check --translations");
        TestSite.AssertText(File.ReadAllText(summary), """
            changed; which blocks is unknown (no block record)
            ! changed in 1 block
            """, "the job summary");
    }

    [Fact]
    public void A_minor_edit_keeps_the_translation_ok_and_the_record_says_who_decided()
    {
        using var site = TestSite.Create(Site);
        Git.Init(site.Root);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Edit(site, English, ("walk far to fetch it", "walk far to fetch it"), ("Wells were dug.", "Wells were dug"));
        var head = Git.Commit(site.Root, "Typo in the water topic");

        var (code, stdout) = CommandLineTests.Run(site, "translations", "mark", "--minor", English);
        var (_, table) = CommandLineTests.Run(site, "check", "--translations");

        Assert.True(code == 0, stdout);
        TestSite.AssertText(stdout, $"""
            marked {Japanese} as a minor edit (no retranslation), decided by Test Translator <translator@example.org>
              waived: {English}(10,1): warning GEN093: list item changed since {Japanese} was marked: Wells were [-dug.-]{"{+dug+}"}; its translation is {Japanese}(10,1)
            """, "translations mark --minor");
        TestSite.AssertText(table, "topics/2022/water  topic  original  ok", "the table after --minor");
        TestSite.AssertText(File.ReadAllText(Path.Combine(site.Root, "input/.translations/ja/topics/2022/water.yml")), $"""
            minor:
            by: Test Translator <translator@example.org>
            commit: {head}
            """, "the record");
    }

    [Fact]
    public void Minor_refuses_a_translation_named_in_place_of_its_original_and_one_never_marked()
    {
        using var site = TestSite.Create(Site);
        Edit(site, English, ("Wells were dug.", "Wells were dug"));

        var (wrongFile, named) = CommandLineTests.Run(site, "translations", "mark", "--minor", Japanese);
        var (unmarked, never) = CommandLineTests.Run(site, "translations", "mark", "--minor", English);

        Assert.Equal(1, wrongFile);
        TestSite.AssertText(named, $"{Japanese}: error GEN097: not marked: --minor takes originals in the default language (en)", "a translation named");
        Assert.Equal(1, unmarked);
        TestSite.AssertText(never, $"{Japanese}(1,1): error GEN097: not marked as a minor edit of {English}: this translation was never marked", "never marked");
    }

    // Item 6: on GitHub Actions the same check writes the job summary.
    [Fact]
    public void Check_translations_for_github_writes_the_job_summary_with_stale_missing_and_glossary_entries()
    {
        using var site = TestSite.Create(Site + "\n" + """
            -- input/en/topics/2022/untranslated.md --
            ---
            title: Untranslated
            summary: S
            date: 2022-01-02
            ---
            -- input/glossary.yml --
            rules:
              - expected: 井戸
                patterns: [ウェル]
            """);
        Edit(site, Japanese, ("井戸が掘られました。", "ウェルが掘られました。"));
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Edit(site, English, ("## Results", "## Outcomes"));
        var summary = Path.Combine(site.Root, "summary.md");
        File.WriteAllText(summary, "earlier steps' summary\n");

        var outcome = Cli.CliProcess.Run(site, ["check", "--translations", "--format", "github"], new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.True(outcome.Code == 0, outcome.ToString());
        TestSite.AssertText(File.ReadAllText(summary), $"""
            earlier steps' summary
            ## Translations
            | stale | 1 |
            | missing | 1 |
            ### Stale translations (1)
            - [{Japanese}](https://example.org/ja/topics/2022/water/): [{English}](https://example.org/en/topics/2022/water/) changed in 1 block
              - <code>{English}(13,1)</code> GEN093: heading changed since {Japanese} was marked: \[-Results-\]{"\\{+Outcomes+\\}"}
            ### Missing translations (1)
            - [input/en/topics/2022/untranslated.md](https://example.org/en/topics/2022/untranslated/) has no ja translation
            ### Glossary (1)
            - [{Japanese}](https://example.org/ja/topics/2022/water/) <code>{Japanese}(10,3)</code> GEN101: &#39;ウェル&#39; is not the agreed term; write &#39;井戸&#39;
            """, "the job summary");
        Assert.Contains($"::warning file={English},line=13,col=1,title=GEN093::", outcome.Stdout);
    }

    // Outside review, item 6: the changed English text is shown as text in the job summary:
    // no link, remote image, emphasis, HTML or @mention comes from the content.
    [Fact]
    public void The_job_summary_shows_the_changed_english_as_text_without_links_images_or_mentions()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Edit(site, English, ("Children go to school instead.", "Children go to school. ![x](https://evil.example/p.png) [win](https://evil.example/) **now** <b>hi</b> @octocat www.evil.example"));
        var summary = Path.Combine(site.Root, "summary.md");

        var outcome = Cli.CliProcess.Run(site, ["check", "--translations", "--format", "github"], new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.True(outcome.Code == 0, outcome.ToString());
        var text = File.ReadAllText(summary);
        TestSite.AssertText(text, """
            \!\[x\]\(https:&#8203;//evil.example/p.png\)
            \[win\]\(https:&#8203;//evil.example/\)
            \*\*now\*\*
            &lt;b&gt;hi&lt;/b&gt;
            @&#8203;octocat
            www&#8203;.evil.example
            ! ](https://evil
            ! <b>
            """, "the job summary");
    }

    // Item 2 continued: a commit whose message ends with the trailer 'Translation: minor'.
    [Fact]
    public void A_commit_with_the_trailer_translation_minor_keeps_the_translation_ok_and_marking_records_its_author()
    {
        using var site = TestSite.Create(Site);
        Git.Init(site.Root);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Git.Commit(site.Root, "Mark the translations");
        Edit(site, English, ("Wells were dug.", "Wells were dug"));
        var typo = Git.CommitAs(site.Root, "An Editor", "editor@example.org", "Fix a typo in the water topic\n\nTranslation: minor");

        var (code, check) = CommandLineTests.Run(site, "check");
        var (_, table) = CommandLineTests.Run(site, "check", "--translations");
        var (marked, stdout) = CommandLineTests.Run(site, "translations", "mark");

        Assert.True(code == 0, check);
        TestSite.AssertText(check, $"""
            {Japanese}(4,18): note GEN126: {English} changed since this translation was marked only in commits whose message says 'Translation: minor' (the last {typo[..12]}, by An Editor <editor@example.org>), so it stays up to date
            ! GEN061
            """, "check after a minor commit");
        TestSite.AssertText(table, """
            topics/2022/water  topic  original  ok
            ! GEN093
            """, "the table after a minor commit");
        Assert.True(marked == 0, stdout);
        TestSite.AssertText(stdout, $"marked {Japanese} as a minor edit (no retranslation), decided by An Editor <editor@example.org> in commit {typo[..12]} ('Translation: minor')", "translations mark");
        TestSite.AssertText(File.ReadAllText(Path.Combine(site.Root, "input/.translations/ja/topics/2022/water.yml")), $"""
            minor:
            by: An Editor <editor@example.org>
            commit: {typo}
            """, "the record");

        // A later change committed without the trailer needs a translation again.
        Git.Commit(site.Root, "Record the minor edit");
        Edit(site, English, ("## Results", "## Outcomes"));
        Git.CommitAs(site.Root, "An Editor", "editor@example.org", "Rename a heading");
        TestSite.AssertText(CommandLineTests.Run(site, "check").Stdout, $"""
            {Japanese}(4,18): warning GEN061
            ! GEN126
            """, "check after a commit without the trailer");
    }

    // Issue 18: an incremental build (another process each time) reads the history a waiver
    // read as a change like any other: the history gone, and back, each time as a fresh build.
    [Fact]
    public void An_incremental_build_honours_a_minor_commit_as_the_history_comes_and_goes()
    {
        using var site = TestSite.Create(Site);
        Git.Init(site.Root);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Git.Commit(site.Root, "Mark the translations");
        Edit(site, English, ("Wells were dug.", "Wells were dug"));
        Git.CommitAs(site.Root, "An Editor", "editor@example.org", "Fix a typo in the water topic\n\nTranslation: minor");
        Thread.Sleep(300); // older than the build's start, so what read the files is kept
        var incremental = site.Settings() with { Incremental = true, CacheFolder = Path.Combine(site.Root, "cache"), Search = false };
        var page = "ja/topics/2022/water/index.html";
        var git = Path.Combine(site.Root, ".git");

        site.Rebuild(incremental);
        var withHistory = site.Read(page);
        Directory.Move(git, git + "-away");
        site.Rebuild(incremental);
        var withoutHistory = site.Read(page);
        Directory.Move(git + "-away", git);
        site.Rebuild(incremental);

        Assert.DoesNotContain("translation-stale", withHistory, StringComparison.Ordinal);
        Assert.Contains("translation-stale", withoutHistory, StringComparison.Ordinal);
        Assert.Equal(withHistory, site.Read(page));
    }

    // Outside review, item 1: the usual workflow marks before committing, so the commit that
    // holds the marked text (both languages, no trailer) is not a change since the mark.
    [Fact]
    public void A_minor_commit_after_committing_the_marked_translation_with_its_original_is_honoured()
    {
        using var site = TestSite.Create(Site);
        Git.Init(site.Root);
        Edit(site, English, ("## Results", "## Outcomes"));
        Edit(site, Japanese, ("## 成果", "## 結果"));
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Git.Commit(site.Root, "Water: rename a heading in both languages");
        Edit(site, English, ("Wells were dug.", "Wells were dug"));
        var typo = Git.CommitAs(site.Root, "An Editor", "editor@example.org", "Fix a typo\n\nTranslation: minor");

        var check = CommandLineTests.Run(site, "check").Stdout;

        TestSite.AssertText(check, $"""
            {Japanese}(4,18): note GEN126: {English} changed since this translation was marked only in commits whose message says 'Translation: minor' (the last {typo[..12]}, by An Editor <editor@example.org>)
            ! GEN061
            """, "check after the usual workflow and a minor commit");

        // A commit without the trailer after the marked one still makes it stale.
        Edit(site, English, ("Children go to school instead.", "Children go to school."));
        Git.Commit(site.Root, "Shorten a sentence");
        TestSite.AssertText(CommandLineTests.Run(site, "check").Stdout, $"""
            {Japanese}(4,18): warning GEN061
            ! GEN126
            """, "check after a commit without the trailer");
    }

    [Fact]
    public void A_change_not_committed_yet_is_not_waived_by_an_earlier_minor_commit()
    {
        using var site = TestSite.Create(Site);
        Git.Init(site.Root);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Git.Commit(site.Root, "Mark the translations");
        Edit(site, English, ("Wells were dug.", "Wells were dug"));
        Git.CommitAs(site.Root, "An Editor", "editor@example.org", "Fix a typo\n\nTranslation: minor");
        Edit(site, English, ("## Results", "## Outcomes"));

        TestSite.AssertText(CommandLineTests.Run(site, "check").Stdout, $"""
            {Japanese}(4,18): warning GEN061
            ! GEN126
            """, "check with an uncommitted change");
    }

    // Item 6 continued: on a pull request the summary lists what this change made stale.
    [Fact]
    public void With_a_base_branch_the_job_summary_lists_only_the_translations_this_change_made_stale()
    {
        using var site = TestSite.Create(Site + "\n" + """
            -- input/en/topics/2022/roads.md --
            ---
            title: Roads
            summary: Roads for villages.
            date: 2022-01-03
            ---
            Roads connect markets.
            -- input/ja/topics/2022/roads.md --
            ---
            title: 道路
            summary: 村に道路を。
            ---
            道路は市場をつなぎます。
            """);
        Git.Init(site.Root);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Git.Commit(site.Root, "Mark the translations");
        // Stale before the pull request: not this change's doing.
        Edit(site, "input/en/topics/2022/roads.md", ("Roads connect markets.", "Rural roads connect markets."));
        var mergeBase = Git.Commit(site.Root, "Roads, on main");
        Git.Run(site.Root, "checkout", "--quiet", "-b", "water-heading");
        Edit(site, English, ("## Results", "## Outcomes"));
        Git.Commit(site.Root, "Water: rename a heading");
        var summary = Path.Combine(site.Root, "summary.md");

        var outcome = Cli.CliProcess.Run(site, ["check", "--translations", "--format", "github"],
            new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_BASE_REF"] = "main" });
        var pullRequest = File.ReadAllText(summary);
        File.Delete(summary);
        var unknown = Cli.CliProcess.Run(site, ["check", "--translations", "--format", "github", "--base", "no-such-branch"],
            new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_BASE_REF"] = "main" });

        Assert.True(outcome.Code == 0, outcome.ToString());
        TestSite.AssertText(pullRequest, $"""
            ### Stale translations this change made (1)
            Compared with <code>main</code> (merge base <code>{mergeBase[..12]}</code>): the translations whose original changed between it and HEAD; 2 stale in all
            - [{Japanese}](https://example.org/ja/topics/2022/water/): [{English}](https://example.org/en/topics/2022/water/) changed in 1 block
            ! roads.md
            """, "the job summary of a pull request");
        Assert.True(unknown.Code == 0, unknown.ToString());
        TestSite.AssertText(unknown.Stdout, "::notice title=GEN125::cannot compare with the base 'no-such-branch'", "an unknown base");
        TestSite.AssertText(File.ReadAllText(summary), """
            ### Stale translations (2)
            Could not compare with &#39;no-such-branch&#39;
            roads.md
            """, "the job summary without a base");
    }

    // Outside review, item 8: --base (and $GITHUB_BASE_REF) applies to text and JSON too, and
    // a base that cannot be compared with is a note in every format.
    [Fact]
    public void With_a_base_text_and_json_list_only_the_translations_this_change_made_stale()
    {
        using var site = TestSite.Create(Site + "\n" + """
            -- input/en/topics/2022/roads.md --
            ---
            title: Roads
            summary: Roads for villages.
            date: 2022-01-03
            ---
            Roads connect markets.
            -- input/ja/topics/2022/roads.md --
            ---
            title: 道路
            summary: 村に道路を。
            ---
            道路は市場をつなぎます。
            """);
        Git.Init(site.Root);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        Git.Commit(site.Root, "Mark the translations");
        Edit(site, "input/en/topics/2022/roads.md", ("Roads connect markets.", "Rural roads connect markets."));
        var mergeBase = Git.Commit(site.Root, "Roads, on main");
        Git.Run(site.Root, "checkout", "--quiet", "-b", "water-heading");
        Edit(site, English, ("## Results", "## Outcomes"));
        Git.Commit(site.Root, "Water: rename a heading");

        var text = Cli.CliProcess.Run(site, ["check", "--translations", "--base", "main"]);
        var fromEnvironment = Cli.CliProcess.Run(site, ["check", "--translations"], new Dictionary<string, string> { ["GITHUB_BASE_REF"] = "main" });
        var json = Cli.CliProcess.Run(site, ["check", "--translations", "--format", "json", "--base", "main"]);
        var unknown = Cli.CliProcess.Run(site, ["check", "--translations", "--base", "no-such-branch"]);
        var unknownJson = Cli.CliProcess.Run(site, ["check", "--translations", "--format", "json", "--base", "no-such-branch"]);
        var withoutTranslations = Cli.CliProcess.Run(site, ["check", "--base", "main"]);

        Assert.True(text.Code == 0, text.ToString());
        foreach (var outcome in new[] { text, fromEnvironment })
        {
            TestSite.AssertText(outcome.Stdout, $"""
                topics/2022/roads  topic  original  stale
                compared with main (merge base {mergeBase[..12]}): 1 of the 2 stale translations changed since
                {Japanese} is stale
                ! input/ja/topics/2022/roads.md is stale
                ! Rural
                """, "text with a base");
        }

        using (var document = System.Text.Json.JsonDocument.Parse(json.Stdout))
        {
            var root = document.RootElement;
            Assert.Equal("main", root.GetProperty("base").GetProperty("ref").GetString());
            Assert.Equal(2, root.GetProperty("base").GetProperty("staleInAll").GetInt32());
            Assert.Equal([Japanese], root.GetProperty("stale").EnumerateArray().Select(s => s.GetProperty("translation").GetString()));
        }

        TestSite.AssertText(unknown.Stdout, """
            note GEN125: cannot compare with the base 'no-such-branch'
            input/ja/topics/2022/roads.md is stale
            """, "text with an unknown base");
        Assert.Contains("\"GEN125\"", unknownJson.Stdout, StringComparison.Ordinal);
        Assert.True(withoutTranslations.Code == 2, withoutTranslations.ToString());
        Assert.Contains("'--base' goes with '--translations'", withoutTranslations.ToString(), StringComparison.Ordinal);
    }

    private static void Edit(TestSite site, string path, params (string From, string To)[] edits)
    {
        var file = Path.Combine(site.Root, path);
        var text = File.ReadAllText(file);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text);
            text = text.Replace(from, to);
        }

        File.WriteAllText(file, text);
    }

    /// A repository in the test's own folder, with a test identity.
    internal static class Git
    {
        public static string Init(string root)
        {
            Run(root, "init", "--quiet", "--initial-branch=main");
            Run(root, "config", "user.name", "Test Translator");
            Run(root, "config", "user.email", "translator@example.org");
            Run(root, "config", "commit.gpgsign", "false");
            return Commit(root, "Site");
        }

        public static string Commit(string root, string message)
        {
            Run(root, "add", "--all");
            Run(root, "commit", "--quiet", "--allow-empty", "-m", message);
            return Run(root, "rev-parse", "HEAD").Trim();
        }

        /// A commit by someone else than the repository's identity (an editor, say).
        public static string CommitAs(string root, string name, string email, string message)
        {
            Run(root, "add", "--all");
            Run(root, "-c", $"user.name={name}", "-c", $"user.email={email}", "commit", "--quiet", "--allow-empty", "-m", message);
            return Run(root, "rev-parse", "HEAD").Trim();
        }

        public static string Run(string root, params string[] arguments)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
            start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "git did not finish");
            Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {stderr.Result}");
            return stdout.Result;
        }
    }
}
