using Generator.Engine;

namespace Generator.Tests.Integration;

// Issue 18: a build keeps its per-document results in the cache, and the next build (another
// process, as in CI) goes on from them: it makes again only what its changes reach, and its
// output is byte for byte a fresh build's. A damaged file is one warning, never a wrong page.
public sealed class ResultsFileTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/taxonomy.yml --
        tags:
          water:
            en: Water
            ja: 水
        -- input/assets/images/2022/well.png --
        png 40x30
        -- input/en/topics/2022/a.md --
        ---
        title: Water for schools
        summary: Wells for schools.
        date: 2022-05-01
        tags: [water]
        ---
        Wells were dug.

        ![A village well](/assets/images/2022/well.png "A well built with Japan's support"){credit="JICA"}
        -- input/en/topics/2022/b.md --
        ---
        title: Roads to markets
        summary: Roads for farmers.
        date: 2022-06-01
        ---
        Roads were paved.
        -- input/en/topics/2022/later.md --
        ---
        title: Later
        summary: A topic for tomorrow.
        date: 2025-01-02
        ---
        Not yet.
        -- input/ja/topics/2022/a.md --
        ---
        title: 学校の水
        summary: 学校の井戸。
        ---
        井戸が掘られた。
        """;

    private const string PageA = "en/topics/2022/a/index.html";

    [Fact]
    public void A_second_build_makes_no_page_again_and_writes_the_same_output()
    {
        using var site = Built(Site);
        var first = site.Snapshot();

        site.Rebuild(Settings(site));

        site.AssertNoDiagnostics();
        Assert.True(site.Result.Results!.Restored > 0, "the results of the first build were read back");
        Assert.Empty(PagesMade(site));
        site.AssertSameOutput(first, "the first build");
    }

    [Fact]
    public void An_edited_topic_is_made_again_with_the_pages_that_show_it_and_nothing_else()
    {
        using var site = Built(Site);

        site.Edit(TopicB(body: "Roads were paved and widened.")).Rebuild(Settings(site));

        site.AssertNoDiagnostics();
        Assert.Equal(["en/topics/2022/b/index.html"], PagesMade(site, "RenderMarkdown"));
        Assert.Equal(["en/topics/2022/b/index.html"], PagesMade(site, "RenderLayouts"));
        site.AssertFile("en/topics/2022/b/index.html", "Roads were paved and widened.");
        AssertSameAsFresh(site);
    }

    [Fact]
    public void A_new_title_reaches_the_lists_that_show_it()
    {
        using var site = Built(Site);

        site.Edit(TopicB(title: "Roads to the markets")).Rebuild(Settings(site));

        Assert.Contains("en/topics/index.html", PagesMade(site, "RenderLayouts"));
        // Topic a names b as the next topic; the Japanese pages show neither.
        Assert.Contains(PageA, PagesMade(site, "RenderLayouts"));
        Assert.DoesNotContain("ja/topics/2022/a/index.html", PagesMade(site));
        site.AssertFile("en/topics/index.html", "Roads to the markets");
        AssertSameAsFresh(site);
    }

    public static readonly TheoryData<string> Damages = new()
    {
        "truncated",
        "one byte changed",
        "empty",
        "not a results file",
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_results_file_is_one_warning_and_a_complete_build(string damage)
    {
        using var site = Built(Site);
        var file = ResultsFile(site);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "one byte changed" => [.. bytes[..^100], (byte)(bytes[^100] ^ 0x20), .. bytes[^99..]],
            "empty" => [],
            _ => "{\"not\": \"ours\"}"u8.ToArray(),
        });
        site.Edit(TopicB(body: "Roads were widened.")).Rebuild(Settings(site));

        site.AssertSucceeded();
        var warning = Assert.Single(site.Result.Diagnostics);
        Assert.StartsWith($"warning GEN006: the build cache's results file '{file}' was not used: ", warning.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("; this build made every page again and wrote a new one", warning.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, site.Result.Results!.Restored);
        AssertSameAsFresh(site);

        site.Rebuild(Settings(site));

        site.AssertNoDiagnostics();
        Assert.Empty(PagesMade(site));
    }

    [Fact]
    public void A_results_file_of_another_build_of_the_generator_is_replaced_without_a_word()
    {
        using var site = Built(Site);
        var file = ResultsFile(site);
        var bytes = File.ReadAllBytes(file);
        bytes[8] ^= 0xff; // the first byte of the generator's build, after the format's 8
        File.WriteAllBytes(file, bytes);

        site.Rebuild(Settings(site));

        site.AssertNoDiagnostics();
        Assert.Equal(0, site.Result.Results!.Restored);
        Assert.Contains(PageA, PagesMade(site, "RenderLayouts"));

        site.Rebuild(Settings(site));

        Assert.Empty(PagesMade(site));
    }

    [Fact]
    public void A_photo_with_new_bytes_is_read_again_and_one_with_a_new_stamp_only_is_not()
    {
        using var site = Built(Site);
        var photo = Path.Combine(site.Root, "input/assets/images/2022/well.png");
        File.WriteAllBytes(photo, File.ReadAllBytes(photo)); // a fresh checkout: new stamp, same bytes
        Settle();

        site.Rebuild(Settings(site));

        Assert.Empty(PagesMade(site));

        TestPhotos.Png(Path.Combine(site.Root, "input"), "assets/images/2022/well.png", 80, 60);
        Settle();
        site.Rebuild(Settings(site));

        Assert.Contains(PageA, PagesMade(site, "RenderMarkdown"));
        site.AssertFile(PageA, """width="80" height="60" """);
        AssertSameAsFresh(site);
    }

    [Fact]
    public void A_build_on_a_later_day_publishes_what_became_due()
    {
        using var site = Built(Site);
        Assert.False(site.Exists("en/topics/2022/later/index.html"));

        var nextDay = Settings(site) with { BuildTime = TestSite.BuildTime.AddDays(2) };
        site.Rebuild(nextDay);

        site.AssertNoDiagnostics();
        Assert.True(site.Result.Results!.Restored > 0, "a build of another day reads the results back");
        site.AssertFile("en/topics/2022/later/index.html", "Not yet.");
        site.AssertFile("en/topics/index.html", "Later");
        AssertSameAsFresh(site, nextDay.BuildTime);
    }

    [Fact]
    public void A_folder_where_the_results_file_goes_is_one_warning_and_the_output_is_written()
    {
        using var site = TestSite.Create(Site);
        var file = new ResultsFile(Path.Combine(Cache(site), SiteBuild.ResultsFolder), SiteBuild.Version);
        site.Rebuild(Settings(site));
        var written = ResultsFile(site);
        File.Delete(written);
        Directory.CreateDirectory(written);

        site.Rebuild(Settings(site));

        site.AssertSucceeded();
        var warning = Assert.Single(site.Result.Diagnostics);
        Assert.StartsWith($"warning GEN006: the build cache's results cannot be written to '{file.Folder}': ", warning.ToString(), StringComparison.Ordinal);
        site.AssertFile(PageA, "Wells were dug.");
    }

    [Fact]
    public void A_build_that_is_not_incremental_or_has_no_cache_keeps_no_results()
    {
        using var site = TestSite.Create(Site);

        site.Rebuild(Settings(site) with { Incremental = false });
        site.Rebuild(Settings(site) with { TemporaryCache = true });

        site.AssertNoDiagnostics();
        Assert.Null(site.Result.Results);
        Assert.False(Directory.Exists(Path.Combine(Cache(site), SiteBuild.ResultsFolder)));
    }

    private static TestSite Built(string files)
    {
        var site = TestSite.Create(files);
        // A build does not keep what read a file changed just before it started (the file may
        // have changed as it was read): the files of a test are older than that.
        Settle();
        site.Rebuild(Settings(site));
        site.AssertNoDiagnostics();
        Assert.Equal(0, site.Result.Results!.Restored);
        return site;
    }

    private static void Settle() => Thread.Sleep(300);

    private static string TopicB(string title = "Roads to markets", string body = "Roads were paved.") => $"""
        -- input/en/topics/2022/b.md --
        ---
        title: {title}
        summary: Roads for farmers.
        date: 2022-06-01
        ---
        {body}
        """;

    private static string Cache(TestSite site) => Path.Combine(site.Root, "cache");

    private static BuildSettings Settings(TestSite site) => site.Settings() with { CacheFolder = Cache(site), Search = false, Incremental = true };

    private static string ResultsFile(TestSite site) =>
        Assert.Single(Directory.GetFiles(Path.Combine(Cache(site), SiteBuild.ResultsFolder), "*.bin"));

    /// The pages <paramref name="module"/> made again (RenderMarkdown or RenderLayouts, or
    /// either: the steps that make a page; the list pages and citation files, made of other
    /// documents, are always made again).
    private static List<string> PagesMade(TestSite site, string? module = null) =>
        [.. site.Result.Rerun.Where(r => r.Document is not null && (module ?? "RenderMarkdown RenderLayouts").Split(' ').Contains(r.Module) && r.Document.EndsWith(".html", StringComparison.Ordinal))
            .Select(r => r.Document!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static void AssertSameAsFresh(TestSite site, DateTimeOffset? buildTime = null)
    {
        using var fresh = TestSite.Create("");
        TestSite.CopyFolder(Path.Combine(site.Root, "input"), Path.Combine(fresh.Root, "input"));
        fresh.Rebuild(fresh.Settings() with { TemporaryCache = true, CacheFolder = Path.Combine(fresh.Root, "cache"), Search = false, BuildTime = buildTime ?? TestSite.BuildTime });
        site.AssertSameOutput(fresh.Snapshot(), "a fresh build of the same files");
    }
}
