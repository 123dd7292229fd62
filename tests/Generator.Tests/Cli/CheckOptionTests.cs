using System.Text.Json;

namespace Generator.Tests.Cli;

// Issue 12: `check` as a user runs it, one row per option and per format.
public sealed class CheckOptionTests
{
    public static readonly TheoryData<CliCase> Cases = CliCase.Table(
        new(["check"], ["check"], 0, """
            input/ja/topics/2022/a.md(1,1): warning GEN062
            input/en/topics/2022/draft.md(5,8): note GEN085: is a draft and is not published
            input/en/topics/2022/later.md(4,7): note GEN083: is scheduled for 2099-01-01
            note GEN083: 1 topic (1 file) scheduled, the last for 2099-01-01
            0 errors, 2 warnings, 3 notes
            checked, nothing written
            """)
        {
            Then = (site, _) => Assert.False(Directory.Exists(site.Output)),
        },
        new(["check --input"], ["check", "--input", "content"], 1, "content/en/topics/2022/b.md(4,7): error GEN012")
        {
            Given = site =>
            {
                CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic);
                CliSites.Move(site, "input", "content");
            },
        },
        new(["check --theme"], ["check", "--theme", "skin"], 1, """
            skin/layouts/topic.liquid
            error GEN030
            """)
        {
            Given = site =>
            {
                CliSites.Move(site, "theme", "skin");
                CliSites.Write(site, "skin/layouts/topic.liquid", "{{ page.title | no_such_filter }}");
            },
        },
        new(["check --theme"], ["check", "--theme", "nowhere"], 2, "error GEN042: --theme \"nowhere\" does not exist"),
        new(["check --base-url"], ["check", "--base-url", "https://example.org/repo"], 0, "checked, nothing written"),
        new(["check --base-url"], ["check", "--base-url", "https://example.org/#top"], 2, "error GEN040: --base-url must be an absolute http(s) URL without a query"),
        // A draft's and a scheduled topic's problems show only when they are included.
        new(["check --drafts"], ["check", "--drafts"], 1, "input/en/topics/2022/draft.md(6,1): error GEN011")
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/draft.md", "---\ntitle: D\nsummary: S\ndate: 2022-01-01\ndraft: true\nsumary: x\n---\n"),
        },
        new(["check --future"], ["check", "--future"], 1, "input/en/topics/2022/later.md(5,1): error GEN011")
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/later.md", "---\ntitle: L\nsummary: S\ndate: 2099-01-01\nsumary: x\n---\n"),
        },
        new(["check --format text"], ["check", "--format", "text"], 1, "input/en/topics/2022/b.md(4,7): error GEN012: 'date' must be YYYY-MM-DD")
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic),
        },
        new(["check --format github"], ["check", "--format", "github"], 1, """
            ::error file=input/en/topics/2022/b.md,line=4,col=7,title=GEN012::
            ::warning file=input/ja/topics/2022/a.md,line=1,col=1,title=GEN062::
            """)
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic),
        },
        new(["check --format json"], ["check", "--format", "json"], 1)
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic),
            Then = (_, outcome) => BuildOptionTests.AssertJsonDiagnostic(outcome.Stdout, "input/en/topics/2022/b.md", 4, 7, "GEN012"),
        },
        new(["check --format"], ["check", "--format", "yaml"], 2, "error GEN042: Argument 'yaml' not recognized"),
        new(["check --translations"], ["check", "--translations"], 0, """
            ja
            unmarked
            """),
        new(["check --translations", "check --format json"], ["check", "--translations", "--format", "json"], 0)
        {
            Then = (_, outcome) => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(outcome.Stdout).RootElement.ValueKind),
        },
        new(["check --translations", "check --format json"], ["check", "--translations", "--format", "json"], 1)
        {
            // The table and the errors in one document (issue 12, outside look).
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic),
            Then = (_, outcome) =>
            {
                BuildOptionTests.AssertJsonDiagnostic(outcome.Stdout, "input/en/topics/2022/b.md", 4, 7, "GEN012");
                using var json = JsonDocument.Parse(outcome.Stdout);
                Assert.Equal(1, json.RootElement.GetProperty("exitCode").GetInt32());
                Assert.True(json.RootElement.TryGetProperty("pages", out var table) && table.ValueKind == JsonValueKind.Array, outcome.Stdout);
            },
        },
        // Issue 17: the job summary compares with a base; one that is not a commit here is a note.
        new(["check --base"], ["check", "--translations", "--format", "github", "--base", "main"], 0,
            "::notice title=GEN125::cannot compare with the base 'main':")
        {
            Environment = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = "/dev/null" },
        },
        new(["check --format json"], ["check", "--format", "json", "--input", "nowhere"], 2)
        {
            Then = (_, outcome) => Assert.Equal("GEN042", JsonDocument.Parse(outcome.Stdout).RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString()),
        },
        // Content reaches diagnostics: its control characters are shown, never sent to the terminal.
        new(["check --format text"], ["check"], 1, "input/en/topics/2022/b.md(5,4): error GEN078")
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", "---\ntitle: B\nsummary: S\ndate: 2022-01-01\n\"ti\\e[31mtel\": x\n---\n"),
            Then = (_, outcome) => Assert.DoesNotContain('\u001B', outcome.All),
        },
        // Notes (drafts, scheduled topics) fail nothing, not even with --warnings-as-errors.
        new(["check --warnings-as-errors"], ["check", "--warnings-as-errors"], 0, "0 errors, 0 warnings, 3 notes")
        {
            Given = site => Assert.Equal(0, CliProcess.Run(site, ["translations", "mark"]).Code),
        },
        new(["check --format github"], ["check", "--format", "github"], 0, """
            ::notice file=input/en/topics/2022/draft.md,line=5,col=8,title=GEN085::is a draft
            ::notice title=GEN083::1 topic (1 file) scheduled
            """),
        new(["check --cache-dir"], ["check", "--cache-dir", "input/en/cache"], 2, "error GEN042: --cache-dir: 'input/en/cache' is inside the input folder"),
        new(["check --no-cache"], ["check", "--no-cache"], 0, "0 errors")
        {
            Given = CliSites.AddPhoto,
            Then = (site, _) => Assert.False(Directory.Exists(Path.Combine(site.Root, ".cache")), "--no-cache made a cache beside the input"),
        },
        new(["check --cache-dir"], ["check", "--cache-dir", "elsewhere/images"], 0, "0 errors")
        {
            Given = CliSites.AddPhoto,
            Then = (site, _) =>
            {
                Assert.Single(Directory.EnumerateFiles(Path.Combine(site.Root, "elsewhere/images"), "64w.webp", SearchOption.AllDirectories));
                Assert.False(Directory.Exists(site.Output));
            },
        },
        new(["check --warnings-as-errors"], ["check", "--warnings-as-errors"], 1, """
            warning GEN062
            (--warnings-as-errors: the warnings fail it)
            """));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_option(CliCase row) => row.Run();
}
