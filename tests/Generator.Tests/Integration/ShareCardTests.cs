using NetVips;

namespace Generator.Tests.Integration;

// Issue 15: a topic without a cover gets a generated share image (the link preview), drawn
// at build time with Noto Sans CJK, deterministic, cached by its text in the image cache.
public sealed class ShareCardTests
{
    private const string Pages = """
        -- input/site.yml --
        base_url: "https://example.org/"
        languages:
          - code: en
            name: English
            title: "White Paper Topics"
          - code: ja
            name: "日本語"
            title: "白書トピックス"
        publisher:
          name:
            en: "Ministry of Examples"
            ja: "例示省"
        -- input/en/topics/2022/human-security.md --
        ---
        title: "Promoting Efforts toward the Realization of Human Security"
        summary: S
        date: 2022-01-01
        series: "ODA Topics"
        number: 3
        ---
        Text.
        -- input/ja/topics/2022/human-security.md --
        ---
        title: "人間の安全保障の実現に向けた取組の推進"
        summary: S
        series: "開発協力トピックス"
        ---
        本文。
        -- input/en/topics/2022/covered.md --
        ---
        title: Covered
        summary: S
        date: 2022-01-01
        image: /assets/images/2022/wide.jpg
        images:
          - src: /assets/images/2022/wide.jpg
            alt: A wide photo
            caption: Wide
        ---
        Text.
        """;

    private static TestSite Cards(string files = Pages)
    {
        var site = TestSite.Create(files);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        return site.Rebuild();
    }

    private static byte[] Bytes(TestSite site, string path) => File.ReadAllBytes(Path.Combine(site.Output, path));

    [Fact]
    public void A_topic_without_a_cover_links_its_share_card_in_open_graph_and_twitter_meta()
    {
        using var site = Cards();

        site.AssertSucceeded();
        site.AssertFile("en/topics/2022/human-security/index.html", """
            <meta property="og:image" content="https://example.org/en/topics/2022/human-security/share-card.png">
            <meta property="og:image:width" content="1200">
            <meta property="og:image:height" content="630">
            <meta property="og:image:alt" content="ODA Topics 3: Promoting Efforts toward the Realization of Human Security (Ministry of Examples)">
            <meta name="twitter:card" content="summary_large_image">
            <meta name="twitter:image" content="https://example.org/en/topics/2022/human-security/share-card.png">
            """);
        site.AssertFile("ja/topics/2022/human-security/index.html", """
            <meta property="og:image" content="https://example.org/ja/topics/2022/human-security/share-card.png">
            <meta property="og:image:alt" content="開発協力トピックス3&#x3000;人間の安全保障の実現に向けた取組の推進（例示省）">
            """);
        foreach (var lang in new[] { "en", "ja" })
        {
            using var card = Image.NewFromBuffer(Bytes(site, $"{lang}/topics/2022/human-security/share-card.png"));
            Assert.Equal((1200, 630, "pngload_buffer"), (card.Width, card.Height, (string)card.Get("vips-loader")));
        }
    }

    [Fact]
    public void A_topic_with_a_cover_keeps_its_cover_and_gets_no_card()
    {
        using var site = Cards();

        site.AssertFile("en/topics/2022/covered/index.html", """
            <meta property="og:image" content="https://example.org/assets/images/2022/wide-300w.jpg">
            <meta property="og:image:alt" content="A wide photo">
            ! share-card
            ! og:image:width
            """);
        Assert.False(site.Exists("en/topics/2022/covered/share-card.png"));
    }

    [Fact]
    public void Two_builds_with_their_own_caches_draw_the_same_bytes()
    {
        using var first = Cards();
        using var second = Cards();

        Assert.NotEqual(first.Root, second.Root); // each has its own .cache/images
        foreach (var lang in new[] { "en", "ja" })
        {
            var path = $"{lang}/topics/2022/human-security/share-card.png";
            Assert.Equal(Bytes(first, path), Bytes(second, path));
        }
    }

    [Fact]
    public void A_warm_build_takes_the_card_from_the_image_cache()
    {
        using var site = Cards();
        var cache = Path.Combine(site.Root, ".cache", "images");
        var entries = Directory.GetFiles(cache, "share-card.png", SearchOption.AllDirectories);
        Assert.Equal(2, entries.Length); // one per language, beside the photos' entries
        var written = entries.ToDictionary(e => e, File.GetLastWriteTimeUtc);

        site.Rebuild();

        Assert.Equal(written, Directory.GetFiles(cache, "share-card.png", SearchOption.AllDirectories).ToDictionary(e => e, File.GetLastWriteTimeUtc));
        // Published as a hard link to the cache's file, as a photo's derivatives are.
        var published = new FileInfo(Path.Combine(site.Output, "en/topics/2022/human-security/share-card.png"));
        Assert.Contains(entries, e => File.ReadAllBytes(e).AsSpan().SequenceEqual(File.ReadAllBytes(published.FullName)));
    }

    [Fact]
    public void A_title_edit_draws_a_new_card_and_a_body_edit_does_not()
    {
        using var site = Cards();
        var before = Bytes(site, "en/topics/2022/human-security/share-card.png");
        var cache = Path.Combine(site.Root, ".cache", "images");

        site.Edit("""
            -- input/en/topics/2022/human-security.md --
            ---
            title: "Promoting Efforts toward the Realization of Human Security"
            summary: S
            date: 2022-01-01
            series: "ODA Topics"
            number: 3
            ---
            Another text.
            """).Rebuild();
        Assert.Equal(before, Bytes(site, "en/topics/2022/human-security/share-card.png"));
        Assert.Equal(2, Directory.GetFiles(cache, "share-card.png", SearchOption.AllDirectories).Length);

        site.Edit("""
            -- input/en/topics/2022/human-security.md --
            ---
            title: "Human Security in the New Era"
            summary: S
            date: 2022-01-01
            series: "ODA Topics"
            number: 3
            ---
            Another text.
            """).Rebuild();
        Assert.NotEqual(before, Bytes(site, "en/topics/2022/human-security/share-card.png"));
        Assert.Equal(3, Directory.GetFiles(cache, "share-card.png", SearchOption.AllDirectories).Length); // a new entry; the old one is left
    }

    [Fact]
    public void A_long_title_is_cut_with_an_ellipsis_inside_the_card()
    {
        var title = string.Concat(Enumerable.Repeat("Human security for each and every person ", 12)).Trim();
        using var site = Cards(Pages.Replace("Promoting Efforts toward the Realization of Human Security", title)
            .Replace("人間の安全保障の実現に向けた取組の推進", string.Concat(Enumerable.Repeat("一人ひとりの人間の安全保障の実現に向けた取組の推進、", 8))));

        site.AssertSucceeded();
        foreach (var lang in new[] { "en", "ja" })
        {
            using var card = Image.NewFromBuffer(Bytes(site, $"{lang}/topics/2022/human-security/share-card.png"));
            Assert.Equal((1200, 630), (card.Width, card.Height));
            // The title stays above the rule over the publisher's name: no text between them.
            using var band = card.Crop(0, 500, 1200, 12);
            using var corner = card.Crop(0, 0, 1, 1);
            using var difference = (band - corner.Getpoint(0, 0)).Abs();
            Assert.True(difference.Max() < 8, $"{lang}: the title runs into the publisher's band");
            using var titleArea = card.Crop(0, 150, 1200, 340);
            using var inked = (titleArea - corner.Getpoint(0, 0)).Abs();
            Assert.True(inked.Max() > 100, $"{lang}: no title drawn");
        }
    }

    [Fact]
    public void Without_the_fonts_there_is_one_warning_and_no_card()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        var noFonts = Directory.CreateDirectory(Path.Combine(site.Root, "no-fonts")).FullName;

        site.Rebuild(site.Settings() with { FontFolders = [noFonts] });

        site.AssertSucceeded();
        site.AssertDiagnostic("input/en/topics/2022/human-security.md(1,1): warning GEN127: 2 topics have no cover image, and no share card (the link preview image) can be drawn for them: the fonts NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc are not in "
            + noFonts + "; install them (Debian and Ubuntu: apt install fonts-noto-cjk), or give each topic a cover with image:");
        Assert.Single(site.Result.Diagnostics, d => d.Code == "GEN127");
        Assert.False(site.Exists("en/topics/2022/human-security/share-card.png"));
        site.AssertFile("en/topics/2022/human-security/index.html", """
            ! og:image
            ! twitter:card
            """);
    }

    [Fact]
    public void Share_cards_false_in_site_yml_draws_none_and_says_nothing_of_the_fonts()
    {
        using var site = TestSite.Create(Pages.Replace("publisher:\n", "share_cards: false\npublisher:\n", StringComparison.Ordinal));
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        var noFonts = Directory.CreateDirectory(Path.Combine(site.Root, "no-fonts")).FullName;

        site.Rebuild(site.Settings() with { FontFolders = [noFonts] });

        site.AssertSucceeded();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == "GEN127");
        Assert.False(site.Exists("en/topics/2022/human-security/share-card.png"));
        site.AssertFile("en/topics/2022/human-security/index.html", """
            ! share-card.png
            ! twitter:card
            """);
    }

    [Fact]
    public void Share_cards_takes_true_or_false_and_says_so_at_its_value()
    {
        using var site = TestSite.Build(Pages.Replace("publisher:\n", "share_cards: maybe\npublisher:\n", StringComparison.Ordinal));

        site.AssertDiagnostic("input/site.yml(9,14): error GEN040: share_cards must be true or false, got \"maybe\"");
    }

    [Fact]
    public void A_title_on_several_lines_is_one_line_on_the_card_and_in_its_alt_text_and_a_blank_series_is_none()
    {
        using var site = Cards(Pages.Replace("title: \"Promoting Efforts toward the Realization of Human Security\"\nsummary: S\ndate: 2022-01-01\nseries: \"ODA Topics\"",
            "title: |\n  Line one\n  Line two\twith tab\nsummary: S\ndate: 2022-01-01\nseries: \"\"", StringComparison.Ordinal));

        site.AssertSucceeded();
        site.AssertFile("en/topics/2022/human-security/index.html", """
            <meta property="og:image:alt" content="Topic 3: Line one Line two with tab (Ministry of Examples)">
            data-pagefind-meta="series">Topic 3</p>
            """);
    }

    [Fact]
    public void Emoji_are_left_out_of_the_picture_but_kept_in_the_alt_text()
    {
        Assert.Equal("Water for All", Generator.Photos.ShareCard.Drawable("Water 💧 for All 🌍"));
        Assert.Equal("すべての人に水を", Generator.Photos.ShareCard.Drawable("すべての人に水を💧🌍"));
        Assert.Equal("Family", Generator.Photos.ShareCard.Drawable("Family 👨‍👩‍👧"));
        Assert.Equal("★ 開発協力", Generator.Photos.ShareCard.Drawable("★ 開発協力"));

        using var site = Cards(Pages.Replace("title: \"Promoting Efforts toward the Realization of Human Security\"", "title: \"Water 💧 for All 🌍\"", StringComparison.Ordinal));

        site.AssertSucceeded();
        site.AssertFile("en/topics/2022/human-security/index.html", """<meta property="og:image:alt" content="ODA Topics 3: Water &#x1F4A7; for All &#x1F30D; (Ministry of Examples)">""");
    }
}
