using System.Text.Json;
using Generator.Preview;
using Generator.Search;

namespace Generator.Tests.Integration;

// Issue 7: build indexes the written site with Pagefind (one index per language) before
// the swap; without Pagefind it warns and builds every other page; check never runs it.
public sealed class SearchIndexTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/taxonomy.yml --
        tags:
          health:
            en: Health
            ja: 保健
        -- input/en/topics/2022/a.md --
        ---
        title: Volunteers in health posts
        summary: Young volunteers support nurses.
        date: 2022-05-01
        series: ODA Topics
        number: 2
        tags: [health]
        search_terms: [JOCV, 国際協力機構]
        ---
        Volunteers teach hand washing.
        -- input/ja/topics/2022/a.md --
        ---
        title: 保健所のボランティア
        summary: 隊員が看護師を支えている。
        ---
        隊員が手洗いを教えている。
        """;

    [Fact]
    public void Build_writes_one_Pagefind_index_per_language_of_the_topics()
    {
        using var site = TestSite.Build(Site);

        site.AssertNoDiagnostics();
        foreach (var lang in new[] { "en", "ja" })
        {
            Assert.True(site.Exists($"pagefind/{lang}/1/pagefind.js"), $"no Pagefind bundle for {lang}; output has:\n{string.Join("\n", site.Files())}");
            Assert.Equal("""["1/"]""", site.Read($"pagefind/{lang}/bundles.json"));
            using var entry = JsonDocument.Parse(site.Read($"pagefind/{lang}/1/pagefind-entry.json"));
            var languages = entry.RootElement.GetProperty("languages").EnumerateObject().ToList();
            Assert.Equal([lang], languages.Select(l => l.Name));
            Assert.Equal(1, languages[0].Value.GetProperty("page_count").GetInt32());
            // Only the index and the script that reads it: not Pagefind's ready-made interfaces.
            Assert.False(site.Exists($"pagefind/{lang}/1/pagefind-ui.js"));
            Assert.Equal([$"/{lang}/topics/2022/a/"], BundleUrls(site, $"pagefind/{lang}/1"));
        }

        site.AssertFile("en/search/index.html", """
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';
            <form class="search-form" role="search" aria-label="Search topics" action="/en/search/" method="get" data-pagefind="/pagefind/en/bundles.json"
            <p class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
            <script type="module" src="/assets/js/search.js"></script>
            <a href="/en/topics/">All topics</a>
            <a href="/ja/search/" hreflang="ja" lang="ja">日本語</a>
            ! search-unavailable
            ! class="header-search"
            """);
    }

    [Fact]
    public void A_topic_marks_its_text_filters_and_sort_key_for_the_index_and_hides_its_search_terms()
    {
        using var site = TestSite.Build(Site);

        site.AssertFile("en/topics/2022/a/index.html", """
            <article class="topic" data-pagefind-body data-pagefind-sort="date:2022-05-01">
            <header class="topic-header" data-pagefind-ignore data-pagefind-meta="number:2">
            <p class="topic-series" data-pagefind-meta="series">ODA Topics 2</p>
            <h1 data-pagefind-meta="title">
            <span class="topic-edition" data-pagefind-filter="edition:2022" data-pagefind-meta="edition">White Paper on Development Cooperation 2022</span>
            <a href="/en/tags/health/" data-pagefind-filter="tag">Health</a>
            <div hidden id="search-only">
            <p data-pagefind-weight="7">
            <p>Health</p>
            <p>JOCV 国際協力機構</p>
            """);
        site.AssertFile("ja/topics/2022/a/index.html", """
            <article class="topic" data-pagefind-body data-pagefind-sort="date:2022-05-01">
            ! JOCV
            """);
        // Lists are not indexed: results are topics only.
        site.AssertFile("en/topics/index.html", "! data-pagefind-body");
    }

    [Fact]
    public void Every_page_has_a_search_box_that_leads_to_the_search_page_even_without_JavaScript()
    {
        using var site = TestSite.Build(Site, baseUrl: "https://org.github.io/repo/");

        // Issue 15: no script rewrites the action, so without JavaScript the query reaches the
        // search page, which says that search needs JavaScript, instead of being dropped on the topic list.
        site.AssertFile("ja/topics/2022/a/index.html", """
            <form class="header-search" role="search" aria-label="トピックを検索" action="/repo/ja/search/" method="get">
            ! search-box.js
            """);
        site.AssertFile("ja/search/index.html", """data-pagefind="/repo/pagefind/ja/bundles.json""");
    }

    [Theory]
    [InlineData("search_terms: JICA", "(5,15): error GEN013: 'search_terms' must be a list of words such as [JICA, 国際協力機構]")]
    [InlineData("search_terms: [JICA, {name: x}]", "(5,22): error GEN013: each entry of 'search_terms' must be text, got a set of keys")]
    public void Search_terms_of_the_wrong_kind_are_an_error_at_their_position(string line, string diagnostic)
    {
        using var site = TestSite.Build($"""
            -- input/site.yml --
            languages: [en]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-05-01
            {line}
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/topics/2022/a.md" + diagnostic);
    }

    [Fact]
    public void Without_Pagefind_the_build_warns_and_builds_every_other_page()
    {
        using var site = TestSite.Create(Site);

        site.Rebuild(site.Settings() with { PagefindBinary = Path.Combine(site.Root, "no-such-pagefind") });

        site.AssertSucceeded();
        var warning = site.AssertDiagnostic("warning GEN080: search was not built: Pagefind is not installed");
        Assert.Contains("install Node.js and npm", warning.Message);
        Assert.False(Directory.Exists(Path.Combine(site.Output, Pagefind.BundleFolder)));
        site.AssertFile("en/topics/2022/a/index.html", "Volunteers teach hand washing.");
        site.AssertFile("ja/search/index.html", """
            <p class="notice search-unavailable">このサイトでは検索を利用できません
            <a href="/ja/topics/">すべてのトピック</a>
            ! search.js
            ! wasm-unsafe-eval
            """);
    }

    [Fact]
    public void No_search_builds_no_index_and_says_nothing()
    {
        using var site = TestSite.Create(Site);

        site.Rebuild(site.Settings() with { Search = false, PagefindBinary = Path.Combine(site.Root, "no-such-pagefind") });

        site.AssertNoDiagnostics();
        Assert.False(Directory.Exists(Path.Combine(site.Output, Pagefind.BundleFolder)));
        site.AssertFile("en/search/index.html", "search-unavailable");
    }

    [Fact]
    public void A_failing_Pagefind_fails_the_build_and_keeps_the_previous_output()
    {
        using var site = TestSite.Build(Site);
        var before = OutputTests.Snapshot(site.Output);
        site.Edit("""
            -- input/en/topics/2022/b.md --
            ---
            title: B
            summary: S
            date: 2022-06-01
            ---
            New.
            """);

        site.Rebuild(site.Settings() with { PagefindBinary = FailingPagefind(site) });

        var error = site.AssertDiagnostic("error GEN081: Pagefind failed (exit code 3) while indexing the search bundle /pagefind/en/1/");
        Assert.Contains("disk full", error.Message);
        Assert.Equal(before, OutputTests.Snapshot(site.Output));
        var leftovers = Directory.EnumerateDirectories(site.Root).Where(d => Path.GetFileName(d).StartsWith("output.", StringComparison.Ordinal)).ToList();
        Assert.True(leftovers.Count == 0, "left behind: " + string.Join(", ", leftovers));
    }

    [Fact]
    public void Check_never_runs_Pagefind()
    {
        using var site = TestSite.Create(Site);

        site.Rebuild(site.Settings(write: false) with { PagefindBinary = FailingPagefind(site) });

        site.AssertSucceeded();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code.StartsWith("GEN08", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(site.Root, "pagefind-ran")));
    }

    [Fact]
    public async Task Preview_serves_search_pages_that_say_search_is_not_available()
    {
        using var site = TestSite.Create(Site);
        var port = TestSite.FreeLoopbackPort();
        var preview = new PreviewSite(site.Settings(write: false) with { BaseUrl = new Uri($"http://127.0.0.1:{port}/") });
        await preview.RebuildAsync(CancellationToken.None);
        await using var server = await PreviewServer.StartAsync(preview, port, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        var page = await http.GetStringAsync("ja/search/");

        TestSite.AssertText(page, """
            <p class="notice search-unavailable">このサイトでは検索を利用できません
            ! search.js
            """, "preview's /ja/search/");
    }

    [Fact]
    public void A_theme_without_a_search_layout_gets_no_search_page_and_no_index()
    {
        using var site = TestSite.Create("""
            -- input/site.yml --
            languages: [en]
            -- input/en/topics/2022/a.md --
            ---
            title: A
            summary: S
            date: 2022-05-01
            ---
            Text.
            -- theme/layouts/topic.liquid --
            {{ page.title }}|{{ site.search_url }}|
            -- theme/layouts/home.liquid --
            {{ page.title }}
            -- theme/layouts/chooser.liquid --
            chooser
            -- theme/i18n/en.yml --
            figure_label: "Photo {n}"
            figure_credit: "(Photo: {credit})"
            series_number: "{series} {number}"
            topic_number: "Topic {number}"
            translation_missing: "Not in {language}."
            translation_unavailable: "Not in English."
            translation_home: "English home"
            """);

        site.Rebuild(site.Settings() with { PagefindBinary = FailingPagefind(site) });

        site.AssertNoDiagnostics();
        site.AssertFile("en/topics/2022/a/index.html", "A||");
        Assert.False(site.Exists("en/search/index.html"));
        Assert.False(File.Exists(Path.Combine(site.Root, "pagefind-ran")));
    }

    [Fact]
    public void The_command_line_turns_search_off_with_no_search()
    {
        using var site = TestSite.Create(Site);

        var (code, stdout) = CommandLineTests.Run(site, "build", "--no-search");

        Assert.True(code == 0, stdout);
        TestSite.AssertText(stdout, """
            0 errors, 0 warnings
            ! GEN080
            """, "stdout");
        Assert.False(Directory.Exists(Path.Combine(site.Output, Pagefind.BundleFolder)));
    }

    private const string Bundled = """
            -- input/site.yml --
            languages: [en, ja]
            search_bundle_pages: 2
            -- input/en/topics/2022/may.md --
            ---
            title: May
            summary: S
            date: 2022-05-01
            ---
            Text.
            -- input/en/topics/2021/june.md --
            ---
            title: June
            summary: S
            date: 2021-06-01
            ---
            Text.
            -- input/en/topics/2023/march.md --
            ---
            title: March
            summary: S
            date: 2023-03-01
            ---
            Text.
            -- input/en/topics/2021/january.md --
            ---
            title: January
            summary: S
            date: 2021-01-01
            ---
            Text.
            -- input/en/topics/2022/august.md --
            ---
            title: August
            summary: S
            date: 2022-08-01
            ---
            Text.
            """;

    [Fact]
    public void A_language_with_more_pages_than_search_bundle_pages_is_indexed_in_bundles_oldest_first()
    {
        using var site = TestSite.Build(Bundled);

        site.AssertNoDiagnostics();
        Assert.Equal("""["1/","2/","3/"]""", site.Read("pagefind/en/bundles.json"));
        Assert.Equal(["/en/topics/2021/january/", "/en/topics/2021/june/"], BundleUrls(site, "pagefind/en/1"));
        Assert.Equal(["/en/topics/2022/august/", "/en/topics/2022/may/"], BundleUrls(site, "pagefind/en/2"));
        Assert.Equal(["/en/topics/2023/march/"], BundleUrls(site, "pagefind/en/3"));
        // Japanese has a search page and no topics: an empty list, which the search page reads as no results.
        Assert.Equal("[]", site.Read("pagefind/ja/bundles.json"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "pagefind/ja/1")));
        // No folder of links that a Pagefind run indexed is left in the output.
        Assert.DoesNotContain(site.Files(), file => file.StartsWith(".index-", StringComparison.Ordinal));
    }

    /// The newest English topic of <see cref="Bundled"/>, with another body.
    private const string MarchEdited = """
        -- input/en/topics/2023/march.md --
        ---
        title: March
        summary: S
        date: 2023-03-01
        ---
        Text about rivers.
        """;

    [Fact]
    public void A_bundle_whose_pages_did_not_change_is_taken_from_the_cache_as_Pagefind_wrote_it()
    {
        using var site = TestSite.Create(Bundled);
        var settings = site.Settings() with { PagefindBinary = CountingPagefind(site) };
        site.Rebuild(settings);
        site.AssertNoDiagnostics();
        Assert.Equal(3, Runs(site));
        var first = OutputTests.Snapshot(Path.Combine(site.Output, Pagefind.BundleFolder));

        site.Rebuild(settings);

        site.AssertNoDiagnostics();
        Assert.Equal(3, Runs(site));
        Assert.Equal(first, OutputTests.Snapshot(Path.Combine(site.Output, Pagefind.BundleFolder)));

        // The newest topic changes: its bundle alone is indexed again.
        site.Edit(MarchEdited);
        site.Rebuild(settings);

        site.AssertNoDiagnostics();
        Assert.Equal(4, Runs(site));
        var edited = OutputTests.Snapshot(Path.Combine(site.Output, Pagefind.BundleFolder));
        Assert.Equal(Bundle(first, "en/1"), Bundle(edited, "en/1"));
        Assert.Equal(Bundle(first, "en/2"), Bundle(edited, "en/2"));
        Assert.NotEqual(Bundle(first, "en/3"), Bundle(edited, "en/3"));

        // What the cache gave is what a build without it writes.
        using var fresh = TestSite.Create(Bundled);
        fresh.Edit(MarchEdited);
        fresh.Rebuild();
        Assert.Equal(edited, OutputTests.Snapshot(Path.Combine(fresh.Output, Pagefind.BundleFolder)));
    }

    public static TheoryData<string> Damage =>
    [
        "truncated file", "changed file", "missing file", "missing list", "garbled list", "list leaving the entry", "empty list",
        "a line left out of the list", "list made a folder", "entry made a file",
    ];

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_cache_entry_is_indexed_again_never_published(string damage)
    {
        using var site = TestSite.Create(Bundled);
        var settings = site.Settings() with { PagefindBinary = CountingPagefind(site) };
        site.Rebuild(settings);
        var first = OutputTests.Snapshot(Path.Combine(site.Output, Pagefind.BundleFolder));
        // Each entry of the cache that holds a bundle: its list of files, beside the files.
        var lists = Directory.EnumerateFiles(Path.Combine(site.Root, ".cache"), "files.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, lists.Count);
        var list = lists[0];
        var entry = Path.GetDirectoryName(list)!;
        var kept = Directory.EnumerateFiles(Path.Combine(entry, "bundle"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var largest = kept.OrderByDescending(f => new FileInfo(f).Length).First();
        // The output's files are links to the cache's: break the link, so the damage stays in the cache.
        Directory.Delete(site.Output, recursive: true);
        switch (damage)
        {
            case "truncated file":
                Rewrite(largest, File.ReadAllBytes(largest)[..(int)(new FileInfo(largest).Length / 2)]);
                break;
            case "changed file":
                var bytes = File.ReadAllBytes(largest);
                bytes[^1] ^= 0xFF;
                Rewrite(largest, bytes);
                break;
            case "missing file":
                File.Delete(largest);
                break;
            case "missing list":
                File.Delete(list);
                break;
            case "garbled list":
                File.WriteAllText(list, "not a list\n\u0000");
                break;
            case "list leaving the entry":
                File.WriteAllText(list, File.ReadAllText(list).Replace(" pagefind.js", " ../../../../pagefind.js", StringComparison.Ordinal));
                break;
            case "empty list":
                File.WriteAllText(list, "");
                break;
            case "a line left out of the list":
                File.WriteAllLines(list, File.ReadAllLines(list).Where(line => !line.EndsWith(" pagefind-entry.json", StringComparison.Ordinal)));
                break;
            case "list made a folder":
                File.Delete(list);
                Directory.CreateDirectory(list);
                break;
            case "entry made a file":
                Directory.Delete(entry, recursive: true);
                File.WriteAllText(entry, "not an entry");
                break;
        }

        site.Rebuild(settings);

        site.AssertNoDiagnostics();
        Assert.Equal(4, Runs(site));
        Assert.Equal(first, OutputTests.Snapshot(Path.Combine(site.Output, Pagefind.BundleFolder)));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_is_an_error_and_the_previous_output_stays()
    {
        using var site = TestSite.Create(Bundled);
        site.Edit("""
            -- input/site.yml --
            languages: [en, ja]
            search_bundle_pages: 2
            share_cards: false
            """);
        site.Rebuild();
        var before = OutputTests.Snapshot(site.Output);
        var notAFolder = Path.Combine(site.Root, "cache-file");
        File.WriteAllText(notAFolder, "a file where the cache folder should be");

        site.Rebuild(site.Settings() with { CacheFolder = notAFolder });

        var error = site.AssertDiagnostic("error GEN107: cannot store the search bundle /pagefind/en/1/ in the cache");
        Assert.Contains("make the folder writable or pass another with --cache-dir", error.Message);
        Assert.Equal(before, OutputTests.Snapshot(site.Output));
    }

    [Theory]
    [InlineData("""["1", "2/", "3/"]""", null, "output/pagefind/en/bundles.json: error GEN043: is not a list of the search bundle folders beside it, each once")]
    [InlineData("""["1/", "1/", "2/", "3/"]""", null, "output/pagefind/en/bundles.json: error GEN043: is not a list of the search bundle folders beside it, each once")]
    [InlineData("""["1/", "../ja/2/", "2/", "3/"]""", null, "output/pagefind/en/bundles.json: error GEN043: is not a list of the search bundle folders beside it, each once")]
    [InlineData("""["1/", "2/"]""", null, "output/pagefind/en/bundles.json: error GEN043: does not list the search bundle \"3/\" beside it: its topics cannot be found")]
    [InlineData(null, "pagefind/en/2/pagefind-entry.json", "output/pagefind/en/bundles.json: error GEN043: lists the search bundle \"2/\", which has no pagefind-entry.json")]
    public void Verify_finds_a_list_of_bundles_the_search_page_cannot_use(string? list, string? deleted, string problem)
    {
        using var site = TestSite.Build(Bundled);
        if (list is not null)
            File.WriteAllText(Path.Combine(site.Output, "pagefind/en/bundles.json"), list);
        if (deleted is not null)
            File.Delete(Path.Combine(site.Output, deleted));

        var (code, stdout) = CommandLineTests.Run(site, "verify", "--output", "output", "--base-url", "https://example.org/");

        Assert.True(code == 1, stdout);
        TestSite.AssertText(stdout, problem, "verify");
    }

    [Fact]
    public void Build_says_how_many_bundles_Pagefind_indexed_and_how_many_came_from_the_cache()
    {
        using var site = TestSite.Create(Bundled);

        var (code, cold) = CommandLineTests.Run(site, "build");
        var (_, warm) = CommandLineTests.Run(site, "build");

        Assert.True(code == 0, cold);
        TestSite.AssertText(cold, "search: 3 bundles, 3 indexed by Pagefind, 0 from the cache", "the first build");
        TestSite.AssertText(warm, "search: 3 bundles, 0 indexed by Pagefind, 3 from the cache", "the second build");
    }

    [Theory]
    [InlineData("search_bundle_pages: 0", "(2,22)", "got \"0\"")]
    [InlineData("search_bundle_pages: many", "(2,22)", "got \"many\"")]
    [InlineData("search_bundle_pages: 2147483648", "(2,22)", "got \"2147483648\"")]
    [InlineData("search_bundle_pages: [2, 3]", "(2,22)", "got a list")]
    [InlineData("search_bundle_pages: {a: 1}", "(2,22)", "got a set of keys")]
    public void Search_bundle_pages_must_be_a_whole_number_of_pages(string line, string position, string got)
    {
        using var site = TestSite.Build($"""
            -- input/site.yml --
            languages: [en]
            {line}
            """);

        site.AssertDiagnostic($"input/site.yml{position}: error GEN040: search_bundle_pages must be a whole number of pages per search index from 1 to 1000000, such as 2000, {got}");
    }

    /// The pages a Pagefind bundle holds, from its fragments (each gzip of "pagefind_dcd" and
    /// the page's JSON), in order of URL.
    private static IReadOnlyList<string> BundleUrls(TestSite site, string bundle) =>
        [.. Directory.EnumerateFiles(Path.Combine(site.Output, bundle, "fragment"))
            .Select(fragment =>
            {
                using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(fragment), System.IO.Compression.CompressionMode.Decompress);
                using var text = new StreamReader(gzip);
                var content = text.ReadToEnd();
                Assert.StartsWith("pagefind_dcd", content);
                using var json = JsonDocument.Parse(content["pagefind_dcd".Length..]);
                return json.RootElement.GetProperty("url").GetString()!;
            })
            .Order(StringComparer.Ordinal)];

    /// The Pagefind the build installs, behind a script that counts its runs in "pagefind-runs".
    private static string CountingPagefind(TestSite site) =>
        StandIn(site, "counting-pagefind", $"echo run >> '{Path.Combine(site.Root, "pagefind-runs")}'\nexec '{Pagefind.DefaultBinary}' \"$@\"");

    private static int Runs(TestSite site) =>
        File.Exists(Path.Combine(site.Root, "pagefind-runs")) ? File.ReadAllLines(Path.Combine(site.Root, "pagefind-runs")).Length : 0;

    private static SortedDictionary<string, string> Bundle(SortedDictionary<string, string> files, string bundle) =>
        new(files.Where(f => f.Key.StartsWith(bundle + "/", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    /// Replaces a cached file by another file of that name (the cache's own file is shared with no one now).
    private static void Rewrite(string file, byte[] bytes)
    {
        File.Delete(file);
        File.WriteAllBytes(file, bytes);
    }

    /// A stand-in for Pagefind that leaves a mark, complains and exits with code 3.
    private static string FailingPagefind(TestSite site) =>
        StandIn(site, "failing-pagefind", $"touch '{Path.Combine(site.Root, "pagefind-ran")}'\necho 'Error: disk full' >&2\nexit 3");

    /// An executable shell script <paramref name="name"/> in the site's folder, run in Pagefind's place.
    private static string StandIn(TestSite site, string name, string commands)
    {
        var script = Path.Combine(site.Root, name);
        File.WriteAllText(script, $"#!/bin/sh\n{commands}\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
