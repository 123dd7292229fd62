using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Generator.Tests.Integration;

// Issue 19: each topic is also a tagged PDF, printed by Debian's chromium. Chromium starts
// only in Sample_topic_PDFs_are_tagged_titled_in_their_language_and_identical_on_rebuild
// (and in the CLI row for build --pdf); the other tests need no browser.
public sealed class PdfTests
{
    private const string Site = """
        -- input/site.yml --
        base_url: "https://example.org/"
        languages: [en, ja]
        pdf: true
        -- input/en/index.md --
        ---
        title: Home
        ---
        Welcome.
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        ようこそ。
        -- input/en/topics/2022/a.md --
        ---
        title: Clean water
        summary: Wells for villages.
        date: 2022-05-01
        ---
        Volunteers teach hand washing.
        """;

    [Fact]
    public void Without_Chromium_the_build_warns_once_and_the_pages_offer_no_PDF()
    {
        using var site = TestSite.Create(Site);

        site.Rebuild(site.Settings() with { PdfBrowser = Path.Combine(site.Root, "no-such-chromium") });

        site.AssertSucceeded();
        var warning = site.AssertDiagnostic("warning GEN131: no PDFs were made: Chromium is not installed at");
        Assert.Contains("apt-get install chromium fonts-noto-cjk fonts-morisawa-bizud-gothic", warning.Message);
        Assert.Single(site.Result.Diagnostics, d => d.Code == "GEN131");
        Assert.DoesNotContain(site.Files(), f => f.EndsWith(".pdf", StringComparison.Ordinal));
        site.AssertFile("en/topics/2022/a/index.html", """
            Volunteers teach hand washing.
            ! a.pdf
            ! data-pdf-size
            """);
    }

    [Fact]
    public void A_Chromium_that_hangs_at_start_is_one_error_after_the_start_timeout_and_the_output_stays()
    {
        using var site = TestSite.Create(Site);
        var hanging = Path.Combine(site.Root, "hanging-chromium");
        File.WriteAllText(hanging, "#!/bin/sh\nsleep 600\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

        site.Rebuild(site.Settings() with { PdfBrowser = hanging, PdfStartTimeout = TimeSpan.FromSeconds(2) });

        var error = site.AssertDiagnostic("error GEN132: Chromium (" + hanging + ") did not start to render the PDFs: Timeout 2000ms exceeded");
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == "GEN002");
        Assert.False(Directory.Exists(site.Output), "a failed build writes no output");
    }

    [Fact]
    public void Check_makes_no_PDF_and_does_not_ask_for_Chromium()
    {
        using var site = TestSite.Create(Site);

        site.Rebuild(site.Settings(write: false) with { PdfBrowser = Path.Combine(site.Root, "no-such-chromium") });

        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == "GEN131");
        Assert.DoesNotContain(site.Result.Outputs.Values.SelectMany(d => d), d => d.Content?.Contains("data-pdf-size", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void An_alias_at_a_PDF_the_build_prints_is_an_error_naming_it()
    {
        using var site = TestSite.Create(Site + """

            -- input/en/topics/2022/b.md --
            ---
            title: School meals
            summary: Lunch for pupils.
            date: 2022-06-01
            aliases: [/en/topics/2022/a/a.pdf, /en/topics/2022/2022.pdf, /en/topics/2022/a/a.pdf/]
            ---
            Pupils eat at school.
            """);

        site.Rebuild(site.Settings());

        site.AssertDiagnostic("input/en/topics/2022/b.md(5,11): error GEN111: alias '/en/topics/2022/a/a.pdf' is the address of input/en/topics/2022/a.md");
        site.AssertDiagnostic("input/en/topics/2022/b.md(5,36): error GEN111: alias '/en/topics/2022/2022.pdf' is the address of the generated file en/topics/2022/2022.pdf");
        site.AssertDiagnostic("input/en/topics/2022/b.md(5,62): error GEN111: alias '/en/topics/2022/a/a.pdf/' needs a folder 'en/topics/2022/a/a.pdf' where input/en/topics/2022/a.md writes the file");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == "GEN002");
    }

    [Fact]
    public void The_pdf_switch_in_site_yml_is_true_or_false()
    {
        using var site = TestSite.Create(Site.Replace("pdf: true", "pdf: yes please", StringComparison.Ordinal));

        site.Rebuild(site.Settings(write: false));

        site.AssertDiagnostic("input/site.yml(3,6): error GEN040: pdf must be true or false, got \"yes please\"");
    }

    [Fact]
    public void Sample_topic_PDFs_are_tagged_titled_in_their_language_and_identical_on_rebuild()
    {
        using var site = TestSite.Create("");
        TestSite.CopyFolder(Path.Combine(TestSite.RepositoryRoot(), "input"), Path.Combine(site.Root, "input"));
        var settings = site.Settings() with { Pdf = true, Search = false, CacheFolder = Path.Combine(site.Root, "cache") };

        site.Rebuild(settings);
        site.AssertSucceeded();
        var first = Pdfs(site);
        // A cache of its own, so Chromium prints the second build's PDFs again.
        site.Rebuild(settings with { CacheFolder = Path.Combine(site.Root, "cache-2") });
        var second = Pdfs(site);

        Assert.Equal(["en/topics/2022/2022.pdf", "en/topics/2022/human-security/human-security.pdf", "ja/topics/2022/2022.pdf", "ja/topics/2022/human-security/human-security.pdf"],
            first.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in first)
            Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path}: a second build of the same input gave different bytes");

        var en = Check(first["en/topics/2022/human-security/human-security.pdf"], "en", "Promoting Efforts toward the Realization of Human Security", "White Paper Topics project");
        Assert.Contains("In his address delivered at the General Debate of the 77th session", en, StringComparison.Ordinal);
        var ja = Check(first["ja/topics/2022/human-security/human-security.pdf"], "ja", "人間の安全保障の実現に向けた取組の推進", "白書トピックス・プロジェクト");
        // Japanese text extracts as Japanese characters (embedded fonts with ToUnicode maps).
        Assert.Contains("第77回国連総会一般討論演説において", ja, StringComparison.Ordinal);

        // The page links to its PDF with the size, and the PDF's links are the site's absolute URLs.
        var enPdf = first["en/topics/2022/human-security/human-security.pdf"];
        site.AssertFile("en/topics/2022/human-security/index.html",
            $"""<p class="topic-pdf" data-pagefind-ignore><a href="/en/topics/2022/human-security/human-security.pdf" type="application/pdf" download>PDF (<span data-pdf-size>{(enPdf.Length + 1023) / 1024} KB</span>)</a></p>""");
        site.AssertFile("ja/topics/2022/human-security/index.html", "PDF（<span data-pdf-size>");
        // Google Scholar finds the topic's own PDF in its Highwire tags (issue 20).
        site.AssertFile("en/topics/2022/human-security/index.html",
            """<meta name="citation_pdf_url" content="https://example.org/en/topics/2022/human-security/human-security.pdf">""");
        site.AssertFile("ja/topics/2022/human-security/index.html",
            """<meta name="citation_pdf_url" content="https://example.org/ja/topics/2022/human-security/human-security.pdf">""");
        Assert.Contains("(https://example.org/en/", Encoding.Latin1.GetString(enPdf), StringComparison.Ordinal);
        Assert.DoesNotContain("(file:", Encoding.Latin1.GetString(enPdf), StringComparison.Ordinal);

        // Each edition's PDF in its language: the cover, the contents, the topic (issue 19).
        var enBook = Check(first["en/topics/2022/2022.pdf"], "en", "White Paper on Development Cooperation 2022", "White Paper Topics project", pages: 6);
        Assert.Contains("Promoting Efforts toward the Realization of Human Security", enBook, StringComparison.Ordinal);
        var jaBook = Check(first["ja/topics/2022/2022.pdf"], "ja", "2022年版開発協力白書", "白書トピックス・プロジェクト", pages: 6);
        Assert.Contains("目次", jaBook, StringComparison.Ordinal);
        Assert.Contains("第77回国連総会一般討論演説において", jaBook, StringComparison.Ordinal);
        site.AssertFile("ja/topics/2022/index.html",
            $"""<a class="edition-pdf" href="/ja/topics/2022/2022.pdf" type="application/pdf" download>PDF（<span data-pdf-size>{(first["ja/topics/2022/2022.pdf"].Length + 1023) / 1024} KB</span>）</a>""");
        Assert.True(enPdf.Length <= 150 * 1024, $"the English topic PDF is {enPdf.Length / 1024} KB (at most 150 KB)");
        // Japanese is embedded as TrueType subsets (the print face, BIZ UDPGothic), never as Type 3 drawings of Noto CJK's glyphs.
        var jaPdf = first["ja/topics/2022/human-security/human-security.pdf"];
        Assert.True(jaPdf.Length <= 150 * 1024, $"the Japanese topic PDF is {jaPdf.Length / 1024} KB (at most 150 KB)");
        Assert.DoesNotContain("/Subtype /Type3", Encoding.Latin1.GetString(jaPdf), StringComparison.Ordinal);
        Assert.Contains("+BIZUDPGothic-Bold", Encoding.Latin1.GetString(jaPdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_topic_edit_prints_that_topics_PDF_again_and_takes_the_others_from_the_cache()
    {
        using var site = TestSite.Create(Site + """

            -- input/en/topics/2022/b.md --
            ---
            title: School meals
            summary: Lunch for pupils.
            date: 2022-06-01
            ---
            Pupils eat at school.
            -- input/en/topics/2022/c.md --
            ---
            title: Roads
            summary: Roads to markets.
            date: 2022-07-01
            ---
            Farmers reach the market.

            ![Farmers on a new road](/assets/images/road.jpg)
            """);
        TestPhotos.Jpeg(site.Root, "input/assets/images/road.jpg", 64, 48);
        var settings = site.Settings() with { Search = false };

        var cold = Build(site, settings);
        site.Edit("""
            -- input/en/topics/2022/b.md --
            ---
            title: School meals
            summary: Lunch for pupils.
            date: 2022-06-01
            ---
            Pupils eat at school, every day.
            """);
        var warm = Build(site, settings);
        var unchanged = Build(site, settings);
        // Filling in the PDFs' sizes makes new files: the cache's entries keep the bytes they
        // are named by, so a build with nothing changed links every page (issue 18).
        site.Rebuild(settings);
        Assert.Equal((0, 0), (site.Result.Written!.Value.Added, site.Result.Written.Value.Direct));
        // A cache entry cut short or overwritten is printed again, never published.
        var cached = Directory.GetFiles(site.Root, "page.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < cached.Count; i++)
        {
            if (i % 2 == 0)
                File.WriteAllText(cached[i], "garbage");
            else
                File.WriteAllBytes(cached[i], File.ReadAllBytes(cached[i])[..(int)(new FileInfo(cached[i]).Length / 2)]);
        }

        var repaired = Build(site, settings);

        Assert.Equal((3, 0), (cold.Printed, cold.Reused));
        Assert.Equal((1, 2), (warm.Printed, warm.Reused));
        Assert.Equal((0, 3), (unchanged.Printed, unchanged.Reused));
        // The edited topic's edition is printed again with it; nothing else.
        Assert.Equal((1, 0), (cold.EditionsPrinted, cold.EditionsReused));
        Assert.Equal((1, 0), (warm.EditionsPrinted, warm.EditionsReused));
        Assert.Equal((0, 1), (unchanged.EditionsPrinted, unchanged.EditionsReused));
        Assert.Equal((3, 1), (repaired.Printed, repaired.EditionsPrinted));
        foreach (var pdf in site.Files().Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            using var document = PdfDocument.Open(File.ReadAllBytes(Path.Combine(site.Output, pdf)));
            Assert.True(document.NumberOfPages > 0, pdf);
        }
        Assert.Contains("Pupils eat at school, every day.", Text(site, "en/topics/2022/2022.pdf"), StringComparison.Ordinal);
        Assert.Contains("Pupils eat at school, every day.", Text(site, "en/topics/2022/b/b.pdf"), StringComparison.Ordinal);
        // The photo's alt text is in its tag (the structure element's /Alt).
        var road = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(site.Output, "en/topics/2022/c/c.pdf")));
        Assert.True(road.Contains("/Alt (Farmers on a new road)", StringComparison.Ordinal)
            || road.Contains("/Alt <FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes("Farmers on a new road")), StringComparison.OrdinalIgnoreCase),
            "the photo's alt text is not in the PDF's tags");
        // The photo is printed from its JPEG, held in the PDF as it is (AVIF or WebP would be decoded to pixels).
        Assert.Contains("/Filter /DCTDecode", road, StringComparison.Ordinal);
        TestSite.AssertText(site.Read("en/topics/2022/a/index.html"), "PDF (<span data-pdf-size>\n! <span data-pdf-size></span>", "a topic whose PDF came from the cache");
    }

    [Fact]
    public void An_editions_PDF_has_a_cover_numbered_contents_a_page_per_topic_with_its_running_head_and_links_inside_it()
    {
        using var site = TestSite.Create(Site.Replace("languages: [en, ja]", "languages: [en, ja]\neditions:\n  2021:\n    pdf:\n      en: https://example.com/white-paper-2021.pdf\n      ja: https://example.com/hakusho-2021.pdf", StringComparison.Ordinal) + """

            -- input/en/topics/2022/b.md --
            ---
            title: School meals
            summary: Lunch.
            date: 2022-06-01
            ---
            Pupils eat at school. See [the roads](../c/) and [their upkeep](/en/topics/2022/c/#upkeep) ([again](/en/topics/2022/c), [once more](/en/topics/2022/c/index.html)), or [the home page](/en/).
            -- input/en/topics/2022/c.md --
            ---
            title: Roads
            summary: Roads.
            date: 2022-07-01
            ---
            Farmers reach the market.

            ## Upkeep

            Villages mend the roads.
            -- input/en/topics/2021/d.md --
            ---
            title: Bridges
            summary: Bridges.
            date: 2021-07-01
            ---
            Bridges cross rivers.
            """);

        var step = Build(site, site.Settings() with { Search = false });

        // 2022 is printed; 2021's PDF is the one site.yml names, linked instead.
        Assert.Equal((1, 0), (step.EditionsPrinted, step.EditionsReused));
        Assert.False(site.Exists("en/topics/2021/2021.pdf"));
        TestSite.AssertText(site.Read("en/topics/2021/index.html"), """<a class="edition-pdf" href="https://example.com/white-paper-2021.pdf" type="application/pdf">PDF</a>""", "2021's index");
        TestSite.AssertText(site.Read("en/topics/index.html"), """href="/en/topics/2022/2022.pdf" type="application/pdf" download>PDF (<span data-pdf-size>""", "the topics index");
        // Japanese has none of these topics (its lists show them "Only in English"): no Japanese edition PDF, and no link to one.
        Assert.False(site.Exists("ja/topics/2022/2022.pdf"));
        foreach (var page in (string[])["ja/index.html", "ja/topics/index.html", "ja/topics/2022/index.html"])
            TestSite.AssertText(site.Read(page), "Clean water\n! 2022.pdf\n! data-pdf-size", page);

        var bytes = File.ReadAllBytes(Path.Combine(site.Output, "en/topics/2022/2022.pdf"));
        using var book = PdfDocument.Open(bytes);
        Assert.True(book.TryGetBookmarks(out var outline));
        var starts = outline.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>()
            .Where(n => n.Level == 0).ToDictionary(n => n.Title.Replace(" ", "", StringComparison.Ordinal), n => n.PageNumber, StringComparer.Ordinal);
        // Reading order (by date here, no numbers), each topic from a page of its own after the cover and the contents.
        // (Chromium's outline drops the space where a heading wraps.)
        Assert.Equal(1, starts["WhitePaperonDevelopmentCooperation2022"]);
        Assert.Equal([3, 4, 5], new[] { starts["Cleanwater"], starts["Schoolmeals"], starts["Roads"] });
        Assert.Equal(5, book.NumberOfPages);
        var contents = string.Join(" ", book.GetPage(2).GetWords().Select(w => w.Text));
        Assert.Contains("Contents Clean water 3 School meals 4 Roads 5", contents, StringComparison.Ordinal);

        // Running heads: none on the cover; on a topic's pages its title at the top right, and the page number.
        Assert.Empty(Band(book.GetPage(1), top: true));
        Assert.Empty(Band(book.GetPage(1), top: false));
        Assert.Contains("School meals", string.Join(" ", Band(book.GetPage(4), top: true)), StringComparison.Ordinal);
        Assert.Equal("4 / 5", string.Join(" ", Band(book.GetPage(4), top: false)));

        // A link to another topic of the book goes to its page inside the PDF; other links stay the site's addresses.
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("/Dest /t3\n", text, StringComparison.Ordinal);
        Assert.Contains("/Dest /t3-upkeep", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(https://example.org/en/topics/2022/c", text, StringComparison.Ordinal);
        Assert.Contains("/URI (https://example.org/en/)", text, StringComparison.Ordinal);
        // The topic's own PDF keeps the web address.
        Assert.Contains("(https://example.org/en/topics/2022/c/)", Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(site.Output, "en/topics/2022/b/b.pdf"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_prints_the_same_bytes_and_reads_the_same_files_whatever_its_tab_printed_before()
    {
        using var site = TestSite.Create(Site + """

            -- input/en/topics/2022/t.md --
            ---
            title: Budgets
            summary: Where the money goes.
            date: 2022-08-01
            ---
            | Year | Yen |
            | --- | --- |
            | 2021 | 10 |
            """);
        site.Rebuild(site.Settings() with { PdfBrowser = Path.Combine(site.Root, "no-such-chromium") });
        site.AssertSucceeded();
        var info = new Pdf.PdfInfo("T", "A", "S", "C", new DateOnly(2022, 8, 1), new DateOnly(2022, 8, 1));
        var baseUrl = new Uri("https://example.org/");
        await using var renderer = await Pdf.PdfRenderer.StartAsync(Pdf.PdfStep.DefaultBrowser, TimeSpan.FromSeconds(60));

        // One tab per language is kept between prints: the table's tagged cells carry DOM node numbers, which count on.
        var (first, firstReads) = await renderer.RenderAsync(site.Output, baseUrl, new Uri("https://example.org/en/topics/2022/t/"), "en", CancellationToken.None);
        await renderer.RenderAsync(site.Output, baseUrl, new Uri("https://example.org/en/topics/2022/a/"), "en", CancellationToken.None);
        var (again, againReads) = await renderer.RenderAsync(site.Output, baseUrl, new Uri("https://example.org/en/topics/2022/t/"), "en", CancellationToken.None);

        Assert.Contains("(node", Encoding.Latin1.GetString(first), StringComparison.Ordinal);
        Assert.Equal(Pdf.PdfNormalizer.Normalize(first, info), Pdf.PdfNormalizer.Normalize(again, info));
        // The browser's cache never answers for the staging folder: the second print read the stylesheet too (the PDF cache's record).
        Assert.Contains("assets/css/site.css", againReads);
        Assert.Equal(firstReads, againReads);
    }

    /// The words in a page's top or bottom margin (the running head, the page number).
    private static IEnumerable<string> Band(UglyToad.PdfPig.Content.Page page, bool top) =>
        page.GetWords().Where(w => top ? w.BoundingBox.Bottom > page.Height - 46 : w.BoundingBox.Top < 50).Select(w => w.Text);

    private static Pdf.PdfStep Build(TestSite site, BuildSettings settings)
    {
        var build = new SiteBuild(settings);
        var result = build.RunAsync().GetAwaiter().GetResult();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return build.LastPdfs!;
    }

    private static string Text(TestSite site, string pdf)
    {
        using var document = PdfDocument.Open(File.ReadAllBytes(Path.Combine(site.Output, pdf)));
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// The PDF's checks of issue 19, and its text with the spaces PdfPig puts between glyphs removed.
    private static string Check(byte[] pdf, string lang, string title, string author, int pages = 2)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages <= pages, $"{lang}: {title} is {document.NumberOfPages} A4 pages (at most {pages})");
        Assert.InRange(document.GetPage(1).Width, 594, 597); // A4: 595.3 pt
        Assert.Equal(title, document.Information.Title);
        Assert.Equal(author, document.Information.Author);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), $"{lang}: the PDF is not tagged (no StructTreeRoot)");
        Assert.True(catalog.TryGet(NameToken.Lang, out StringToken language) && language.Data == lang, $"{lang}: the catalog's /Lang is not {lang}");
        Assert.True(catalog.TryGet(NameToken.MarkInfo, out DictionaryToken mark) && mark.TryGet(NameToken.Marked, out BooleanToken marked) && marked.Data,
            $"{lang}: no /MarkInfo << /Marked true >>");
        Assert.True(document.TryGetBookmarks(out var bookmarks), $"{lang}: the PDF has no outline");
        Assert.Contains(bookmarks.GetNodes(), b => Fold(b.Title).Replace(" ", "", StringComparison.Ordinal) == Fold(title).Replace(" ", "", StringComparison.Ordinal));
        var text = Fold(string.Concat(document.GetPages().Select(p => p.Text)));
        // The title may wrap, and PdfPig joins lines without a space: each of its words is there.
        Assert.All(title.Split(' '), word => Assert.Contains(word, text, StringComparison.Ordinal));
        return lang == "ja" ? text.Replace(" ", "", StringComparison.Ordinal) : text;
    }

    /// PdfPig reads a few CJK glyphs as their Kangxi radicals (⽩ for 白); this test project
    /// runs with invariant globalization, which cannot NFKC-fold them, so the ones the sample uses are mapped here.
    /// Latin ligatures (ﬀ in "Efforts") are read as one letter too.
    private static string Fold(string text) => text
        .Replace("ﬀ", "ff", StringComparison.Ordinal).Replace("ﬁ", "fi", StringComparison.Ordinal).Replace("ﬂ", "fl", StringComparison.Ordinal)
        .Replace("⽩", "白", StringComparison.Ordinal).Replace("⼒", "力", StringComparison.Ordinal).Replace("⼈", "人", StringComparison.Ordinal)
        .Replace("⽇", "日", StringComparison.Ordinal).Replace("⼀", "一", StringComparison.Ordinal).Replace("⽉", "月", StringComparison.Ordinal);

    private static Dictionary<string, byte[]> Pdfs(TestSite site) =>
        site.Files().Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(site.Output, f)), StringComparer.Ordinal);
}
