using System.Text.Json;

namespace Generator.Tests.Cli;

// Issue 12: `build` and the bare command (which builds) run as a user runs them, one row
// per option. The --base-url rows are the ones that would have caught the deploy job's crash.
public sealed class BuildOptionTests
{
    public static readonly TheoryData<CliCase> Cases = CliCase.Table(
        new(["build"], ["build"], 0, """
            0 errors
            written to output
            """)
        {
            Then = (site, _) =>
            {
                Assert.True(site.Exists("en/topics/2022/a/index.html"));
                Assert.True(site.Exists("pagefind/en/1/pagefind.js"), "the default build indexes for search");
                Assert.False(site.Exists("en/topics/2022/draft/index.html"), "a draft is left out");
                Assert.False(site.Exists("en/topics/2099/later/index.html") || site.Exists("en/topics/2022/later/index.html"), "a scheduled topic is left out");
            },
        },
        new(["build --input"], ["build", "--input", "content", "--no-search"], 0, "written to output")
        {
            Given = site => CliSites.Move(site, "input", "content"),
            Then = (site, _) => Assert.True(site.Exists("en/topics/2022/a/index.html")),
        },
        new(["build --input"], ["build", "--input", "nowhere"], 2, """
            error GEN042: --input "nowhere" does not exist; pass the folder that holds site.yml
            """)
        {
            Then = (site, _) => Assert.False(Directory.Exists(site.Output)),
        },
        new(["build --theme"], ["build", "--theme", "skin", "--no-search"], 0, "written to output")
        {
            Given = site => CliSites.Move(site, "theme", "skin"),
            Then = (site, _) => Assert.True(site.Exists("en/index.html")),
        },
        new(["build --output"], ["build", "--output", "public", "--no-search"], 0, "written to public")
        {
            Then = (site, _) =>
            {
                Assert.True(CliSites.Exists(site, "public/en/topics/2022/a/index.html"));
                Assert.False(Directory.Exists(site.Output));
            },
        },
        new(["build --base-url"], ["build", "--base-url", "https://example.org/repo", "--no-search"], 0, "written to output")
        {
            Then = (site, _) => TestSite.AssertText(site.Read("en/topics/2022/a/index.html"), """
                <link rel="canonical" href="https://example.org/repo/en/topics/2022/a/">
                href="/repo/en/"
                href="/repo/assets/css/site.css"
                ! href="/en/
                ! href="/assets/
                """, "topic page"),
        },
        new(["build --base-url"], ["build", "--base-url", "https://example.org/repo/?x=1"], 2, """
            error GEN040: --base-url must be an absolute http(s) URL without a query (?…) or fragment (#…), such as https://org.github.io/repo/, got "https://example.org/repo/?x=1"
            """)
        {
            Then = (site, _) => Assert.False(Directory.Exists(site.Output)),
        },
        new(["build --base-url"], ["build", "--base-url", "example.org/repo/"], 2, """
            error GEN040: --base-url must be an absolute http(s) URL, such as https://org.github.io/repo/, got "example.org/repo/"
            """),
        new(["build --drafts"], ["build", "--drafts", "--no-search"], 0, "written to output")
        {
            Then = (site, _) => TestSite.AssertText(site.Read("en/topics/2022/draft/index.html"), "Draft topic", "draft page"),
        },
        new(["build --future"], ["build", "--future", "--no-search"], 0, "written to output")
        {
            Then = (site, _) => TestSite.AssertText(site.Read("en/topics/2022/later/index.html"), "Later topic", "scheduled page"),
        },
        // Issue 16: the photos' derivatives are cached where --cache-dir says, not beside the input.
        new(["build --cache-dir"], ["build", "--cache-dir", "elsewhere/images", "--no-search"], 0, "written to output")
        {
            Given = CliSites.AddPhoto,
            Then = (site, _) =>
            {
                Assert.True(site.Exists("assets/images/p-64w.avif"));
                Assert.False(site.Exists("assets/images/p.jpg"), "the original is not published");
                Assert.Single(Directory.EnumerateFiles(Path.Combine(site.Root, "elsewhere/images"), "64w.avif", SearchOption.AllDirectories));
                Assert.False(Directory.Exists(Path.Combine(site.Root, ".cache")));
            },
        },
        // Issue 16 (outside look): a cache in the input folder would be published with the next
        // build, and its records name each original's device, inode, hash and local path.
        new(["build --cache-dir"], ["build", "--cache-dir", "input/assets/cache", "--no-search"], 2,
            "error GEN042: --cache-dir: 'input/assets/cache' is inside the input folder")
        {
            Given = CliSites.AddPhoto,
            Then = (site, _) => Assert.False(Directory.Exists(Path.Combine(site.Root, "input/assets/cache")), "the cache was made"),
        },
        new(["build --cache-dir"], ["build", "--cache-dir", "theme", "--no-search"], 2, "error GEN042: --cache-dir: 'theme' is the theme folder"),
        // Issue 18 (outside look): a link that leads into input/ is in input/.
        new(["build --cache-dir"], ["build", "--cache-dir", "linked", "--no-search"], 2, "error GEN042: --cache-dir: 'linked' is inside the input folder")
        {
            Given = site => Directory.CreateSymbolicLink(Path.Combine(site.Root, "linked"), Path.Combine(site.Root, "input/assets")),
            Then = (site, _) => Assert.False(Directory.Exists(Path.Combine(site.Root, "input/assets/written")), "the cache was made in the input"),
        },

        new(["build --cache-dir"], ["build", "--cache-dir", "output/images", "--no-search"], 2, "error GEN042: --cache-dir: 'output/images' is inside the output folder"),
        // Issue 18: a build after a build links every file it would write the same from the cache.
        new(["build"], ["build", "--no-search"], 0, """
            files: 
             unchanged, linked from the cache; 0 written
            written to output
            """)
        {
            Given = site => site.Rebuild(site.Settings() with { Search = false }),
            Then = (site, outcome) => Assert.DoesNotContain("files: 0 unchanged", outcome.All, StringComparison.Ordinal),
        },
        // Issue 18: --no-cache reads and keeps nothing: the photos are encoded again, and no cache is left.
        new(["build --no-cache"], ["build", "--no-cache", "--no-search"], 0, """
            written to output
            ! files:
            """)
        {
            Given = site =>
            {
                CliSites.AddPhoto(site);
                Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"generator-no-cache-{ExitedProcessId()}-{site.Root.GetHashCode():x}"));
            },
            Then = (site, _) =>
            {
                Assert.True(site.Exists("assets/images/p-64w.avif"));
                Assert.True(site.Exists("en/topics/2022/a/index.html"));
                Assert.False(Directory.Exists(Path.Combine(site.Root, ".cache")), "--no-cache made a cache beside the input");
                Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), $"generator-no-cache-{ExitedProcessId()}-{site.Root.GetHashCode():x}")),
                    "the folder of a killed --no-cache build was left behind");
            },
        },
        new(["build --no-cache", "build --cache-dir"], ["build", "--no-cache", "--cache-dir", "elsewhere", "--no-search"], 2,
            "error GEN042: '--no-cache' and '--cache-dir' contradict each other: pass one of them")
        {
            Then = (site, _) => Assert.False(Directory.Exists(site.Output)),
        },
        // Issue 18: an incremental build goes on from the last one's results (another process):
        // after an edit it makes that page again and nothing else, and writes what a fresh build writes.
        new(["build --incremental", "build --timings"], ["build", "--incremental", "--timings", "--no-search"], 0, """
            ran for
            written to output
            """)
        {
            Given = site =>
            {
                var first = CliProcess.Run(site, ["build", "--incremental", "--no-search"]);
                Assert.True(first.Code == 0, first.ToString());
                Thread.Sleep(300); // older than the next build's start, so what read it is kept
                CliSites.Write(site, "input/en/topics/2022/a.md", CliSites.TopicA.Replace("Good.", "Good and better.", StringComparison.Ordinal));
            },
            Then = (site, outcome) =>
            {
                Assert.Matches(@"Content +PostProcess +RenderLayouts +1\n", outcome.Stdout);
                Assert.Matches(@"Content +Process +RenderMarkdown +1\n", outcome.Stdout);
                Assert.Single(Directory.GetFiles(Path.Combine(site.Root, ".cache", "images", "results"), "*.bin"));
                using var fresh = TestSite.Create("");
                TestSite.CopyFolder(Path.Combine(site.Root, "input"), Path.Combine(fresh.Root, "input"));
                var made = CliProcess.Run(fresh, ["build", "--no-cache", "--no-search"]);
                Assert.True(made.Code == 0, made.ToString());
                site.AssertSameOutput(fresh.Snapshot(), "a fresh build of the same files");
            },
        },
        new(["build --incremental", "build --no-cache"], ["build", "--incremental", "--no-cache"], 2,
            "error GEN042: '--incremental' and '--no-cache' contradict each other: an incremental build keeps its results in the cache; pass one of them")
        {
            Then = (site, _) => Assert.False(Directory.Exists(site.Output)),
        },
        // Issue 19: each topic and each edition is also printed as a PDF by Debian's chromium, linked with its size.
        new(["build --pdf"], ["build", "--pdf", "--no-search"], 0, """
            4 PDFs (2 topics, 2 editions): 4 printed by Chromium, 0 from the cache
            0 warnings
            written to output
            """)
        {
            Then = (site, _) =>
            {
                Assert.StartsWith("%PDF-", site.Read("en/topics/2022/a/a.pdf"), StringComparison.Ordinal);
                TestSite.AssertText(site.Read("en/topics/2022/a/index.html"), """
                    <a href="/en/topics/2022/a/a.pdf" type="application/pdf" download>PDF (<span data-pdf-size>
                    ! <span data-pdf-size></span>
                    """, "topic page");
                Assert.StartsWith("%PDF-", site.Read("en/topics/2022/2022.pdf"), StringComparison.Ordinal);
                TestSite.AssertText(site.Read("en/topics/2022/index.html"), """
                    <a class="edition-pdf" href="/en/topics/2022/2022.pdf" type="application/pdf" download>PDF (<span data-pdf-size>
                    ! <span data-pdf-size=
                    """, "edition index");
                Assert.False(site.Exists("en/index.pdf"), "only topics and editions are printed");
            },
        },
        new(["build --no-search"], ["build", "--no-search"], 0, "written to output")
        {
            Then = (site, _) => Assert.False(site.Exists("pagefind/en/1/pagefind.js")),
        },
        new(["build --format text"], ["build", "--format", "text"], 1, """
            input/en/topics/2022/b.md(4,7): error GEN012: 'date' must be YYYY-MM-DD, got "2022-13-01"
            nothing written; the previous output is unchanged
            """)
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic),
        },
        new(["build --format github"], ["build", "--format", "github"], 1, """
            ::error file=input/en/topics/2022/b.md,line=4,col=7,title=GEN012::'date' must be YYYY-MM-DD, got "2022-13-01"
            """)
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic),
        },
        new(["build --format json"], ["build", "--format", "json"], 1)
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic),
            Then = (_, outcome) => AssertJsonDiagnostic(outcome.Stdout, "input/en/topics/2022/b.md", 4, 7, "GEN012"),
        },
        new(["build --format"], ["build", "--format", "xml"], 2, "error GEN042: Argument 'xml' not recognized. Must be one of:"),
        new(["build --timings"], ["build", "--timings", "--no-search"], 0, """
            Content      Process      RenderMarkdown
            garbage collections:
            """),
        WarningsFailAndLeaveTheOutput(),
        // Issue 12 (outside look): an output folder that would replace the sources, or is not one.
        new(["build --output"], ["build", "--output", "input"], 2, "error GEN042: --output: 'input' would replace the input folder")
        {
            Then = (site, _) => Assert.True(CliSites.Exists(site, "input/site.yml"), "the sources were replaced"),
        },
        new(["build --output"], ["build", "--output", "."], 2, "error GEN042: --output: '.' would replace the input folder")
        {
            Then = (site, _) => Assert.True(CliSites.Exists(site, "input/site.yml"), "the sources were replaced"),
        },
        new(["build --output"], ["build", "--output", "input/out"], 2, "error GEN042: --output: 'input/out' is inside the input folder"),
        new(["build --output"], ["build", "--output", ""], 2, "error GEN042: --output: the output folder must be named"),
        new(["build --output"], ["build", "--output", "link"], 2, "error GEN042: --output: 'link' is a symbolic link; pass the folder it points to")
        {
            Given = site => Directory.CreateSymbolicLink(Path.Combine(site.Root, "link"), Directory.CreateDirectory(Path.Combine(site.Root, "real")).FullName),
        },
        new(["build --base-url"], ["build", "--base-url", "https://org.github.io//repo"], 2, "error GEN040: --base-url must be an absolute http(s) URL without an empty path segment (//)"),
        new(["build --base-url"], ["build", "--base-url", "https://exämple.org/my repo", "--no-search"], 0, "written to output")
        {
            Then = (site, _) =>
            {
                TestSite.AssertText(site.Read("en/index.html"), """
                    <link rel="canonical" href="https://xn--exmple-cua.org/my%20repo/en/">
                    href="/my%20repo/assets/css/site.css"
                    """, "home page");
                var verified = CliProcess.Run(site, ["verify", "--base-url", "https://exämple.org/my repo"]);
                Assert.True(verified.Code == 0, verified.ToString());
            },
        },
        new(["build --timings", "build --format json"], ["build", "--timings", "--format", "json", "--no-search"], 0)
        {
            Then = (_, outcome) => Assert.Contains(JsonDocument.Parse(outcome.Stdout).RootElement.GetProperty("timings").EnumerateArray(),
                t => t.GetProperty("module").GetString() == "RenderMarkdown"),
        },
        new(["build --format"], ["build", "--format", "xml"], 2)
        {
            // One line for one mistake, whatever System.CommandLine makes of it.
            Then = (_, outcome) => Assert.Equal(1, outcome.Stderr.Split('\n').Count(l => l.StartsWith("error GEN042: Argument 'xml' not recognized. Must be one of: 'text' 'github' 'json'", StringComparison.Ordinal))),
        },
        new(["build --format json"], ["build", "--format", "json", "--base-url", "ftp://x/"], 2)
        {
            Then = (_, outcome) =>
            {
                using var json = JsonDocument.Parse(outcome.Stdout);
                Assert.Equal(2, json.RootElement.GetProperty("exitCode").GetInt32());
                Assert.Equal("GEN040", json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
            },
        },
        // The bare command builds: its options are build's.
        new(["--input", "--theme", "--output", "--base-url", "--drafts", "--future", "--no-search", "--timings", "--warnings-as-errors", "--format text"],
            ["--input", "content", "--theme", "skin", "--output", "public", "--base-url", "https://example.org/r", "--drafts", "--future", "--no-search", "--timings", "--warnings-as-errors", "--format", "text"], 0,
            "RenderMarkdown")
        {
            Given = site =>
            {
                CliSites.Move(site, "input", "content");
                CliSites.Move(site, "theme", "skin");
            },
            Then = (site, _) =>
            {
                TestSite.AssertText(CliSites.Read(site, "public/en/topics/2022/draft/index.html"), "href=\"/r/en/\"", "draft page");
                Assert.True(CliSites.Exists(site, "public/en/topics/2022/later/index.html"));
                Assert.False(CliSites.Exists(site, "public/pagefind/en/bundles.json"));
            },
        },
        new(["--format github"], ["--format", "github"], 1, "::error file=input/en/topics/2022/b.md,line=4,col=7,title=GEN012::")
        {
            Given = site => CliSites.Write(site, "input/en/topics/2022/b.md", CliSites.BrokenTopic),
        },
        new(["--format", "--format json"], ["--format", "json", "--no-search"], 0)
        {
            Then = (_, outcome) => Assert.Equal(0, JsonDocument.Parse(outcome.Stdout).RootElement.GetProperty("errors").GetInt32()),
        });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_option(CliCase row) => row.Run();

    /// With --warnings-as-errors a warning fails the build like an error: exit code 1 and the
    /// previous output left exactly as it was.
    private static CliCase WarningsFailAndLeaveTheOutput()
    {
        SortedDictionary<string, string>? before = null;
        return new(["build --warnings-as-errors"], ["build", "--warnings-as-errors", "--no-search"], 1, """
            input/en/notes.txt(1,1): warning GEN072
            nothing written; the previous output is unchanged (--warnings-as-errors: the warnings fail it)
            """)
        {
            Given = site =>
            {
                Assert.Equal(0, CliProcess.Run(site, ["build", "--no-search"]).Code);
                before = Integration.OutputTests.Snapshot(site.Output);
                CliSites.Write(site, "input/en/notes.txt", "not a page");
            },
            Then = (site, _) => Assert.Equal(before, Integration.OutputTests.Snapshot(site.Output)),
        };
    }

    internal static void AssertJsonDiagnostic(string stdout, string file, int line, int column, string code)
    {
        using var json = JsonDocument.Parse(stdout);
        var found = json.RootElement.GetProperty("diagnostics").EnumerateArray().Any(d =>
            d.GetProperty("file").GetString() == file && d.GetProperty("line").GetInt32() == line
            && d.GetProperty("column").GetInt32() == column && d.GetProperty("code").GetString() == code
            && d.GetProperty("severity").GetString() == "error" && d.GetProperty("message").GetString()!.Length > 0);
        Assert.True(found, $"no {code} at {file}({line},{column}) in:\n{stdout}");
    }

    private static readonly Lazy<int> ExitedProcess = new(() =>
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    });

    /// A process that has exited: a --no-cache folder named by it is a killed build's.
    private static int ExitedProcessId() => ExitedProcess.Value;
}
