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

        Assert.Equal(["en/topics/2022/human-security/human-security.pdf", "ja/topics/2022/human-security/human-security.pdf"], first.Keys.Order(StringComparer.Ordinal));
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

        Assert.Equal((3, 0), (cold.Printed, cold.Reused));
        Assert.Equal((1, 2), (warm.Printed, warm.Reused));
        Assert.Equal((0, 3), (unchanged.Printed, unchanged.Reused));
        Assert.Contains("Pupils eat at school, every day.", Text(site, "en/topics/2022/b/b.pdf"), StringComparison.Ordinal);
        // The photo's alt text is in its tag (the structure element's /Alt).
        var road = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(site.Output, "en/topics/2022/c/c.pdf")));
        Assert.True(road.Contains("/Alt (Farmers on a new road)", StringComparison.Ordinal)
            || road.Contains("/Alt <FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes("Farmers on a new road")), StringComparison.OrdinalIgnoreCase),
            "the photo's alt text is not in the PDF's tags");
        TestSite.AssertText(site.Read("en/topics/2022/a/index.html"), "PDF (<span data-pdf-size>\n! <span data-pdf-size></span>", "a topic whose PDF came from the cache");
    }

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
    private static string Check(byte[] pdf, string lang, string title, string author)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages <= 2, $"{lang}: the sample topic is {document.NumberOfPages} A4 pages (at most 2)");
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
