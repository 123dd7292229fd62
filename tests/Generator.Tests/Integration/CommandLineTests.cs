using System.Diagnostics;

namespace Generator.Tests.Integration;

// Issue 2: the real executable prints compiler-style diagnostics, exits non-zero on an
// error and leaves the previous output as it was.
public sealed class CommandLineTests
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
        -- input/en/topics/2022/a.md --
        ---
        title: A
        summary: S
        date: 2022-01-01
        ---
        Good.

        """;

    [Fact]
    public void Build_prints_a_summary_and_exits_zero()
    {
        using var site = TestSite.Create(Site);

        var (code, stdout) = Run(site, "build");

        Assert.True(code == 0, stdout);
        // Other files: feeds (Atom and JSON per language), the topic's cite.bib, cite.ris and share card, sitemap, robots, assets.
        TestSite.AssertText(stdout, """
            13 pages (en 6, ja 5) and 14 other files
            0 errors, 0 warnings
            written to output
            """, "stdout");
        Assert.True(File.Exists(Path.Combine(site.Output, "en/topics/2022/a/index.html")));
    }

    // Issue 6: where a build spends its time, without a profiler.
    [Fact]
    public void Build_with_timings_lists_each_module_and_the_garbage_collector()
    {
        using var site = TestSite.Create(Site);

        var (code, stdout) = Run(site, "build", "--timings");

        Assert.True(code == 0, stdout);
        TestSite.AssertText(stdout, """
            ms  pipeline     phase        module
            Content      Process      RenderMarkdown
            Content      PostProcess  RenderLayouts
            Archives     Output       WriteFiles
            garbage collections:
            0 errors, 0 warnings
            """, "stdout");
    }

    // Issue 16 (outside look): a photo cache copied or moved into input/ (under assets/ or a
    // language folder) is never published: its CACHEDIR.TAG marks it, and its records hold each
    // original's device, inode, hash and local path.
    [Fact]
    public void A_cache_folder_moved_into_the_input_is_not_published()
    {
        using var site = TestSite.Create(Site + """
            -- input/en/photo.md --
            ---
            title: Photo
            ---
            ![A photo](/assets/images/p.jpg "Caption")

            """);
        TestPhotos.Jpeg(site.Root, "input/assets/images/p.jpg", 64, 48);
        Assert.Equal(0, Run(site, "build", "--no-search", "--cache-dir", "elsewhere/images").Code);
        Assert.True(File.Exists(Path.Combine(site.Root, "elsewhere/images/CACHEDIR.TAG")), "the cache is not tagged");
        CopyFolder(Path.Combine(site.Root, "elsewhere/images"), Path.Combine(site.Root, "input/assets/cache"));
        CopyFolder(Path.Combine(site.Root, "elsewhere/images"), Path.Combine(site.Root, "input/en/cache"));

        var (code, stdout) = Run(site, "build", "--no-search", "--cache-dir", "elsewhere/images");

        Assert.True(code == 0, stdout);
        TestSite.AssertText(stdout, "0 errors, 0 warnings", "stdout");
        Assert.False(Directory.Exists(Path.Combine(site.Output, "assets/cache")), "the cache under assets/ was published");
        Assert.False(Directory.Exists(Path.Combine(site.Output, "en/cache")), "the cache in a language folder was published");
        Assert.DoesNotContain(Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains(site.Root, StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void A_broken_topic_fails_the_build_with_every_diagnostic_and_keeps_the_old_output()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, Run(site, "build").Code);
        var before = OutputTests.Snapshot(site.Output);
        site.Edit("""
            -- input/ja/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-13-01
            titel: typo
            ---
            """);

        var (code, stdout) = Run(site, "build");

        Assert.Equal(1, code);
        TestSite.AssertText(stdout, """
            input/ja/topics/2022/a.md(4,7): error GEN012: 'date' must be YYYY-MM-DD, got "2022-13-01"
            input/ja/topics/2022/a.md(5,1): error GEN011: unknown key 'titel'; did you mean 'title'?
            2 errors
            nothing written; the previous output is unchanged
            ! at Generator
            """, "stdout");
        Assert.Equal(before, OutputTests.Snapshot(site.Output));
    }

    [Fact]
    public void Check_with_github_format_prints_workflow_annotations_and_writes_nothing()
    {
        using var site = TestSite.Create(Site + """
            -- input/en/topics/2022/b.md --
            ---
            title: B
            summary: S
            date: 2022-01-01
            tags: [unknown]
            ---
            """);

        var (code, stdout) = Run(site, "check", "--format", "github");

        Assert.Equal(1, code);
        TestSite.AssertText(stdout, """
            ::error file=input/en/topics/2022/b.md,line=5,col=8,title=GEN015::unknown tag 'unknown'
            """, "stdout");
        Assert.False(Directory.Exists(site.Output));
    }

    internal static (int Code, string Stdout) Run(TestSite site, params string[] arguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Generator.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = site.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the generator did not finish in two minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
