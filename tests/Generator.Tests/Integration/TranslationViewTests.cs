using System.Net;

namespace Generator.Tests.Integration;

// Issue 17, item 7: preview's side-by-side view of an original and its translation,
// /_translate/<lang>/<path>/, made from the preview session's last build: the blocks
// aligned as `check --translations` aligns them, the blocks changed since the mark
// highlighted with their word diff, and an index at /_translate/. Preview only.
public sealed class TranslationViewTests
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
        -- input/ja/topics/2022/water.md --
        ---
        title: すべての人に水を
        summary: 村に井戸を。
        ---
        ## 背景

        多くの村には安全な水がなく、遠くまで水をくみに行きます。

        - 井戸が掘られました。
        - ポンプが修理されました。
        -- input/en/topics/2022/untranslated.md --
        ---
        title: Untranslated
        summary: S
        date: 2022-01-02
        ---
        Only in English.
        """;

    private const string View = "_translate/ja/topics/2022/water/";

    [Fact]
    public async Task The_preview_process_shows_the_pair_and_after_a_save_of_the_original_highlights_the_changed_block_with_its_word_diff()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        var english = Path.Combine(site.Root, "input/en/topics/2022/water.md");
        string? after = null, index = null;

        var (before, process) = await Cli.CliProcess.PreviewAsync(site, ["--port", "0"], View,
            () => File.WriteAllText(english, File.ReadAllText(english).Replace("walk far", "walk for hours")),
            "rebuilt in",
            async http =>
            {
                after = await http.GetStringAsync(View);
                index = await http.GetStringAsync("_translate/");
            });

        TestSite.AssertText(before, """
            <span class="status status-ok">ok</span>
            <tr id="block-4" class="same">
            Many villages have no safe water and walk far to fetch it.
            多くの村には安全な水がなく、遠くまで水をくみに行きます。
            <script src="/__preview/reload.js" data-events="/__preview/events?v=1"></script>
            ! <del>far
            ! class="changed"
            """, "the view before the edit");
        Assert.True(after is not null, process.ToString());
        TestSite.AssertText(after!, """
            <span class="status status-stale">stale</span>
            1 block of the original changed since this translation was marked
            <tr id="block-4" class="changed">
            paragraph · line 8 · changed
            Many villages have no safe water and walk <del>far</del> <ins>for hours</ins> to fetch it.
            多くの村には安全な水がなく、遠くまで水をくみに行きます。
            <tr id="block-5" class="same">
            """, "the view after the original was saved");
        TestSite.AssertText(index!, """
            <a href="/_translate/ja/topics/2022/water/"><span class="status status-stale">stale</span></a>
            <a href="/_translate/ja/topics/2022/untranslated/"><span class="status status-missing">missing</span></a>
            <a href="/_translate/ja/"><span class="status status-ok">ok</span></a>
            """, "the index");
    }

    // Outside review, item 2: the view shows a moved block as one "moved" row, from the
    // same alignment as check --translations.
    [Fact]
    public async Task A_moved_list_item_is_one_moved_row_beside_its_translation()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        var english = Path.Combine(site.Root, "input/en/topics/2022/water.md");
        File.WriteAllText(english, File.ReadAllText(english).Replace("- Wells were dug.\n- Pumps were repaired.", "- Pumps were repaired.\n- Wells were dug."));
        await using var preview = await PreviewTests.Preview.StartAsync(site);

        TestSite.AssertText(await preview.Http.GetStringAsync(View), """
            <span class="swatch moved"></span> moved
            class="moved"
            list item · line 10 (was line 11) · moved
            ポンプが修理されました。
            move its translation here
            ! class="added"
            ! class="removed"
            """, "the view of a moved list item");
    }

    // Outside review, item 7: the view marks bidirectional and zero-width characters visibly.
    [Fact]
    public async Task The_view_marks_bidirectional_and_zero_width_characters_visibly()
    {
        using var site = TestSite.Create(Site.Replace("ポンプが修理されました。", "ポンプが\u200B修理\u202Eされました。", StringComparison.Ordinal));
        await using var preview = await PreviewTests.Preview.StartAsync(site);

        var view = await preview.Http.GetStringAsync(View);

        TestSite.AssertText(view, """
            ポンプが<span class="invisible" title="zero width space">U+200B</span>修理<span class="invisible" title="bidirectional embedding or override">U+202E</span>されました。
            """, "the view");
        Assert.DoesNotContain('\u200B', view);
        Assert.DoesNotContain('\u202E', view);
    }

    // Outside review, item 10: a path that leaves the site is a page saying so, not a bare
    // status; …/index.html goes to the view; a removed block shows the line it had, as such.
    [Fact]
    public async Task Dot_segments_get_a_page_index_html_goes_to_the_view_and_a_removed_block_says_its_line_was()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CommandLineTests.Run(site, "translations", "mark").Code);
        var english = Path.Combine(site.Root, "input/en/topics/2022/water.md");
        File.WriteAllText(english, File.ReadAllText(english).Replace("- Wells were dug.\n", "", StringComparison.Ordinal));
        await using var preview = await PreviewTests.Preview.StartAsync(site);

        var address = preview.Http.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET /_translate/../ HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n"));
        var refused = await new StreamReader(stream).ReadToEndAsync();
        var index = await preview.Http.GetAsync("_translate/ja/topics/2022/water/index.html");
        var view = await index.Content.ReadAsStringAsync();

        TestSite.AssertText(refused, """
            HTTP/1.1 400 Bad Request
            Content-Type: text/html; charset=utf-8
            <h1>400: this path leaves the site folder</h1>
            <a href="/_translate/">All translations</a>
            """, "a path with dot segments");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("/_translate/ja/topics/2022/water/", index.RequestMessage?.RequestUri?.AbsolutePath);
        TestSite.AssertText(view, """
            list item · was line 10 · removed
            list item · line 10</p>
            """, "the view after a removal");
    }

    [Fact]
    public async Task A_missing_translation_shows_the_original_alone_and_unknown_paths_are_404()
    {
        using var site = TestSite.Create(Site);
        await using var preview = await PreviewTests.Preview.StartAsync(site);

        TestSite.AssertText(await preview.Http.GetStringAsync("_translate/ja/topics/2022/untranslated/"), """
            status-missing
            There is no translation yet: create <code>input/ja/topics/2022/untranslated.md</code>
            Only in English.
            """, "a missing translation");
        Assert.Equal(HttpStatusCode.NotFound, (await preview.Http.GetAsync("_translate/ja/topics/2022/none/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await preview.Http.GetAsync("_translate/en/topics/2022/water/")).StatusCode);
        var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = preview.Http.BaseAddress }
            .GetAsync("_translate/ja/topics/2022/water");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/_translate/ja/topics/2022/water/", redirect.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Hostile_markdown_is_shown_as_text_never_as_markup()
    {
        using var site = TestSite.Create(Site + "\n" + """
            -- input/ja/topics/2022/water.md --
            ---
            title: "</title><script>alert('title')</script>"
            summary: 村に井戸を。
            ---
            ## 背景 <img src=x onerror=alert(1)>

            <script>alert(2)</script>

            多くの村には<b onclick="alert(3)">安全な水</b>がなく、[遠く](javascript:alert(4))まで。
            """);
        await using var preview = await PreviewTests.Preview.StartAsync(site);

        var response = await preview.Http.GetAsync(View);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TestSite.AssertText(page, """
            &lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;
            背景 &lt;img src=x onerror=alert(1)&gt;
            &lt;script&gt;alert(2)&lt;/script&gt;
            &lt;b onclick=&quot;alert(3)&quot;&gt;
            ! <script>alert
            ! <img src=x
            ! <b onclick
            ! href="javascript:
            """, "the view of a hostile translation");
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
    }

    [Fact]
    public void Build_never_writes_the_translators_pages()
    {
        using var site = TestSite.Build(Site);

        site.AssertSucceeded();
        Assert.True(site.Exists("ja/topics/2022/water/index.html"), "the translation itself is built");
        Assert.DoesNotContain(site.Files(), f => f.Contains("_translate", StringComparison.Ordinal) || f.Contains("translate.css", StringComparison.Ordinal));
    }
}
