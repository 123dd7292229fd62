using Generator.Engine;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;

namespace Generator.Tests.Integration;

// Issue 16: responsive, privacy-safe photos through libvips.
public sealed class PhotoTests
{
    private const string Pages = """
        -- input/site.yml --
        languages: [en]
        image_widths: [100, 200]
        -- input/en/topics/2022/photos.md --
        ---
        title: Photos
        summary: S
        date: 2022-01-01
        image: /assets/images/2022/wide.jpg
        images:
          - src: /assets/images/2022/wide.jpg
            alt: A wide photo
            caption: Wide
        ---
        Some text.

        ![A small photo](/assets/images/2022/small.png "Small"){credit="JICA"}

        """;

    private static TestSite Photos(string extra = "")
    {
        var site = TestSite.Create(Pages + extra);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        return site.Rebuild();
    }

    [Fact]
    public void A_photo_is_a_picture_with_avif_webp_and_its_own_format_in_each_width()
    {
        using var site = Photos();

        site.AssertNoDiagnostics();
        site.AssertFile("en/topics/2022/photos/index.html", """
            <figure class="figure" id="photo-1"><picture><source type="image/avif" srcset="/assets/images/2022/wide-100w.avif 100w, /assets/images/2022/wide-200w.avif 200w" sizes="min(100vw - 2rem, 42rem, 2 * min(50vh, 22rem))"><source type="image/webp" srcset="/assets/images/2022/wide-100w.webp 100w, /assets/images/2022/wide-200w.webp 200w" sizes="min(100vw - 2rem, 42rem, 2 * min(50vh, 22rem))"><img src="/assets/images/2022/wide-200w.jpg" srcset="/assets/images/2022/wide-100w.jpg 100w, /assets/images/2022/wide-200w.jpg 200w" sizes="min(100vw - 2rem, 42rem, 2 * min(50vh, 22rem))" alt="A wide photo" width="200" height="100" fetchpriority="high"></picture><figcaption data-pagefind-ignore>
            <figure class="figure" id="photo-2"><picture><source type="image/avif" srcset="/assets/images/2022/small-100w.avif 100w, /assets/images/2022/small-150w.avif 150w" sizes="min(100vw - 2rem, 42rem, 1.5 * min(50vh, 22rem))">
            <img src="/assets/images/2022/small-150w.png" srcset="/assets/images/2022/small-100w.png 100w, /assets/images/2022/small-150w.png 150w" sizes="min(100vw - 2rem, 42rem, 1.5 * min(50vh, 22rem))" alt="A small photo" width="150" height="100" loading="lazy" decoding="async"></picture><figcaption data-pagefind-ignore>
            <meta property="og:image" content="https://example.org/assets/images/2022/wide-200w.jpg">
            "contentUrl":"https://example.org/assets/images/2022/wide-200w.jpg"
            ! wide.jpg"
            ! small.png"
            """);
        foreach (var name in new[] { "wide-100w.avif", "wide-200w.webp", "wide-200w.jpg", "small-150w.avif", "small-100w.webp", "small-150w.png" })
            Assert.True(site.Exists("assets/images/2022/" + name), name);
        // Never upscaled: the 150-pixel photo has no 200w derivative.
        Assert.False(site.Exists("assets/images/2022/small-200w.png"));
        // The originals are not published.
        Assert.False(site.Exists("assets/images/2022/wide.jpg"));
        Assert.False(site.Exists("assets/images/2022/small.png"));
        using var derivative = NetVips.Image.NewFromFile(Path.Combine(site.Output, "assets/images/2022/wide-100w.avif"));
        Assert.Equal((100, 50), (derivative.Width, derivative.Height));
    }

    [Fact]
    public void Publish_originals_publishes_them_beside_the_derivatives()
    {
        using var site = TestSite.Create(Pages.Replace("image_widths: [100, 200]", "image_widths: [100, 200]\npublish_originals: true"));
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        site.Rebuild();

        site.AssertNoDiagnostics();
        Assert.True(site.Exists("assets/images/2022/wide.jpg"));
        Assert.True(site.Exists("assets/images/2022/wide-200w.jpg"));
    }

    [Fact]
    public void An_original_a_page_links_to_as_a_file_is_published()
    {
        using var site = Photos("""
            -- input/en/about.md --
            ---
            title: About
            ---
            [Download the photo](/assets/images/2022/small.png)
            """);

        site.AssertNoDiagnostics();
        Assert.True(site.Exists("assets/images/2022/small.png"));
        Assert.False(site.Exists("assets/images/2022/wide.jpg"));
    }

    // Issue 16 (outside look): the GPS warning of an original a page links to said the file
    // "is in the repository", while the build publishes it as it is.
    [Fact]
    public void The_gps_warning_says_whether_the_original_is_published()
    {
        using var site = TestSite.Create(Pages + """
            -- input/en/about.md --
            ---
            title: About
            ---
            [Download the photo](/assets/images/2022/wide.jpg)
            """);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150, gps: true);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        site.Rebuild();

        var linked = site.AssertDiagnostic("input/assets/images/2022/wide.jpg(1,1): warning GEN106: has GPS coordinates");
        Assert.Contains("but a page links to the file itself, so it is published as it is, coordinates included", linked.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("repository", linked.ToString(), StringComparison.Ordinal);
        Assert.True(site.Exists("assets/images/2022/wide.jpg"));
    }

    // Issue 16: a photo beside its topic, in a language folder, was published as it is, Exif
    // and all, beside its derivatives (and a photo there that no page shows was a warning).
    private const string LanguageFolderPhoto = """
        -- input/site.yml --
        languages: [en]
        image_widths: [100, 200]
        -- input/en/topics/2022/photos.md --
        ---
        title: Photos
        summary: S
        date: 2022-01-01
        images:
          - src: /en/topics/2022/beside.jpg
            alt: A photo beside its topic
            caption: Beside
        ---
        Some text.
        """;

    [Fact]
    public void A_photo_in_a_language_folder_is_published_as_derivatives_only()
    {
        using var site = TestSite.Create(LanguageFolderPhoto);
        TestPhotos.Jpeg(site.Root, "input/en/topics/2022/beside.jpg", 300, 150, gps: true);
        TestPhotos.Jpeg(site.Root, "input/en/topics/2022/unused.jpg", 30, 20);
        site.Rebuild();

        site.AssertDiagnostic("input/en/topics/2022/beside.jpg(1,1): warning GEN106: has GPS coordinates");
        site.AssertDiagnostic("input/en/topics/2022/unused.jpg(1,1): warning GEN072: is a photo that no page shows or links to, so it is not published; show it on a page (images:, or a Markdown image such as ![What it shows](../well.jpg)");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().Contains("beside.jpg(1,1): warning GEN072", StringComparison.Ordinal));
        site.AssertFile("en/topics/2022/photos/index.html", """
            <source type="image/avif" srcset="/en/topics/2022/beside-100w.avif 100w, /en/topics/2022/beside-200w.avif 200w"
            <img src="/en/topics/2022/beside-200w.jpg"
            """);
        foreach (var name in new[] { "beside-100w.avif", "beside-200w.webp", "beside-200w.jpg" })
            Assert.True(site.Exists("en/topics/2022/" + name), name);
        Assert.False(site.Exists("en/topics/2022/beside.jpg"));
        Assert.False(site.Exists("en/topics/2022/unused.jpg"));
    }

    // Issue 16 (outside look): a photo under input/assets/ that no page shows was published as
    // it is, GPS and all, and so were damaged ones, without a word; a language folder's got GEN072.
    [Fact]
    public void A_photo_under_assets_that_no_page_shows_or_links_to_is_a_warning_and_is_not_published()
    {
        using var site = TestSite.Create(Pages.Replace("image_widths: [100, 200]", "image_widths: [100, 200]\nallowed_assets: [assets/images/background.jpg]") + """
            -- input/assets/images/cut.jpg --
            not a photo at all
            """);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/unused.jpg", 30, 20, gps: true);
        TestPhotos.Jpeg(site.Root, "input/assets/images/background.jpg", 30, 20);
        site.Rebuild();

        var unused = site.AssertDiagnostic("input/assets/images/2022/unused.jpg(1,1): warning GEN121: is a photo that no page shows or links to, so it is not published");
        Assert.Contains("list it in site.yml: allowed_assets: [assets/images/2022/unused.jpg]", unused.ToString(), StringComparison.Ordinal);
        site.AssertDiagnostic("input/assets/images/cut.jpg(1,1): warning GEN121");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().Contains("background.jpg", StringComparison.Ordinal) || d.ToString().Contains("wide.jpg(1,1): warning GEN121", StringComparison.Ordinal));
        Assert.False(site.Exists("assets/images/2022/unused.jpg"));
        Assert.False(site.Exists("assets/images/cut.jpg"));
        Assert.True(site.Exists("assets/images/background.jpg"), "a photo allowed as it is was not published");
        Assert.True(site.Exists("assets/images/2022/wide-200w.jpg"));
    }

    [Fact]
    public void With_publish_originals_a_photo_in_a_language_folder_is_published_as_it_is_too()
    {
        using var site = TestSite.Create(LanguageFolderPhoto.Replace("image_widths: [100, 200]", "image_widths: [100, 200]\npublish_originals: true"));
        TestPhotos.Jpeg(site.Root, "input/en/topics/2022/beside.jpg", 300, 150);
        site.Rebuild();

        site.AssertNoDiagnostics();
        Assert.True(site.Exists("en/topics/2022/beside.jpg"));
        Assert.True(site.Exists("en/topics/2022/beside-200w.jpg"));
    }

    [Fact]
    public void The_layout_declares_the_sizes_of_its_photos()
    {
        using var site = TestSite.Create(Pages);
        // The repository's theme, with a topic layout of its own sizes.
        File.WriteAllText(Path.Combine(site.Root, "theme/layouts/topic.liquid"), """
            ---
            layout: base
            photo_sizes: "(min-width: 40rem) 30rem, {ratio} * 10rem"
            ---
            {% for photo in page.photos %}{{ photo.image_html | raw }}{% endfor %}|{{ page.content | raw }}
            """);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        site.Rebuild();

        site.AssertFile("en/topics/2022/photos/index.html", """
            sizes="(min-width: 40rem) 30rem, 2 * 10rem"
            sizes="(min-width: 40rem) 30rem, 1.5 * 10rem"
            ! min(
            """);
    }

    [Fact]
    public void Placeholders_stay_captions_without_images()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            -- input/en/topics/2022/p.md --
            ---
            title: P
            summary: S
            date: 2022-01-01
            images:
              - placeholder: true
                caption: A photo we do not have
            ---
            Text.
            """);

        site.AssertNoDiagnostics();
        site.AssertFile("en/topics/2022/p/index.html", """
            <figure class="figure figure-placeholder" id="photo-1">
            ! <picture>
            """);
    }

    [Fact]
    public void Derivatives_carry_no_exif_gps_xmp_or_iptc_and_are_turned_upright()
    {
        using var site = TestSite.Create(Pages);
        // Stored 60 × 40 with orientation 6: shown 40 wide and 60 high.
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 60, 40, orientation: 6, gps: true);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        var original = ImageMetadataReader.ReadMetadata(Path.Combine(site.Root, "input/assets/images/2022/wide.jpg"));
        Assert.Contains(original, d => d is GpsDirectory); // the test photo does carry them
        Assert.Contains(original, d => d is ExifIfd0Directory);
        site.Rebuild();

        var gps = site.AssertDiagnostic("input/assets/images/2022/wide.jpg(1,1): warning GEN106: has GPS coordinates");
        Assert.Contains("and the original is not published, but it stays in the repository", gps.ToString(), StringComparison.Ordinal);
        site.AssertFile("en/topics/2022/photos/index.html", """
            <img src="/assets/images/2022/wide-40w.jpg" srcset="/assets/images/2022/wide-40w.jpg 40w" sizes="min(100vw - 2rem, 42rem, 0.6667 * min(50vh, 22rem))" alt="A wide photo" width="40" height="60"
            """);
        foreach (var name in new[] { "wide-40w.jpg", "wide-40w.webp", "wide-40w.avif" })
        {
            var file = Path.Combine(site.Output, "assets/images/2022", name);
            var directories = ImageMetadataReader.ReadMetadata(file);
            Assert.DoesNotContain(directories, d => d is GpsDirectory or ExifIfd0Directory or ExifSubIfdDirectory or XmpDirectory or IptcDirectory);
            using var image = NetVips.Image.NewFromFile(file);
            Assert.Equal((40, 60), (image.Width, image.Height));
            Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data" or "orientation");
            Assert.DoesNotContain("TestCam", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_damaged_file_is_an_error_at_the_front_matter_src()
    {
        using var site = TestSite.Create(Pages + """
            -- input/assets/images/2022/wide.jpg --
            not a photo at all
            """);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        site.Rebuild();

        site.AssertDiagnostic("input/en/topics/2022/photos.md(7,10): error GEN103: the photo assets/images/2022/wide.jpg is not a JPEG image libvips can read");
        site.AssertDiagnostic("input/en/topics/2022/photos.md(5,8): error GEN103"); // the cover
    }

    [Fact]
    public void A_truncated_jpeg_is_an_error_at_the_markdown_image()
    {
        using var site = TestSite.Create(Pages.Replace("small.png", "cut.jpg"));
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/whole.jpg", 300, 200);
        var whole = File.ReadAllBytes(Path.Combine(site.Root, "input/assets/images/2022/whole.jpg"));
        File.WriteAllBytes(Path.Combine(site.Root, "input/assets/images/2022/cut.jpg"), whole[..(whole.Length / 2)]);
        site.Rebuild();

        site.AssertDiagnostic("input/en/topics/2022/photos.md(13,1): error GEN103: the photo assets/images/2022/cut.jpg is damaged or truncated");
        Assert.Equal(1, site.Result.Diagnostics.Count(d => d.Code == "GEN103"));
    }

    // Issue 16: a photo libvips reads with warnings (a text chunk whose checksum is wrong) is
    // published, and our warning says so at the image, on a warm build too (the cache entry
    // keeps what libvips logged), never libvips' own line on stderr.
    [Fact]
    public void A_photo_libvips_reads_with_warnings_is_a_warning_at_the_image_on_cold_and_warm_builds()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        var png = File.ReadAllBytes(Path.Combine(site.Root, "input/assets/images/2022/small.png"));
        byte[] text = [0, 0, 0, 5, .. "tEXt"u8, .. "a\0bcd"u8, 0, 0, 0, 0]; // CRC 0: wrong
        File.WriteAllBytes(Path.Combine(site.Root, "input/assets/images/2022/small.png"), [.. png[..33], .. text, .. png[33..]]);

        foreach (var build in new[] { "cold", "warm" })
        {
            site.Rebuild();
            site.AssertSucceeded();
            site.AssertDiagnostic("input/en/topics/2022/photos.md(13,1): warning GEN136: the photo assets/images/2022/small.png is damaged: libvips read it with warnings (tEXt: CRC error)");
            Assert.True(site.Exists("assets/images/2022/small-100w.webp"), build);
            Assert.Single(site.Result.Diagnostics, d => d.Code == "GEN136");
        }
    }

    // Issue 16: a JPEG is decoded failing on libjpeg's warnings first, so that a scan cut short
    // (a file closed with an end marker after the cut) is an error; a quirk cameras write that
    // libjpeg only warns about (extraneous bytes between segments) must still be published,
    // with our warning, not refused.
    [Fact]
    public void A_jpeg_with_extraneous_bytes_between_segments_is_published_with_a_warning()
    {
        using var site = TestSite.Create(Pages.Replace("small.png", "quirk.jpg"));
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/quirk.jpg", 300, 200);
        var jpeg = File.ReadAllBytes(Path.Combine(site.Root, "input/assets/images/2022/quirk.jpg"));
        var afterFirstSegment = 4 + ((jpeg[4] << 8) | jpeg[5]); // SOI, then the first segment's marker and length
        File.WriteAllBytes(Path.Combine(site.Root, "input/assets/images/2022/quirk.jpg"), [.. jpeg[..afterFirstSegment], 0, 0, .. jpeg[afterFirstSegment..]]);

        site.Rebuild();

        site.AssertSucceeded();
        site.AssertDiagnostic("input/en/topics/2022/photos.md(13,1): warning GEN136: the photo assets/images/2022/quirk.jpg is damaged: libvips read it with warnings (VipsJpeg: Corrupt JPEG data: 2 extraneous bytes before marker");
        Assert.True(site.Exists("assets/images/2022/quirk-200w.webp"));
    }

    // Issue 16 (outside look): preview encodes on request, so a truncated photo was only the
    // derivative's 500 answer, never a diagnostic, while a fresh build failed on it. The cut is
    // found from the file's end, with the header, in preview too.
    [Theory]
    [InlineData("cut.jpg")]
    [InlineData("cut.png")]
    [InlineData("cut.webp")]
    public void A_truncated_photo_is_an_error_in_a_preview_build_too(string name)
    {
        using var site = TestSite.Create(Pages.Replace("small.png", name));
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        var whole = Path.Combine(site.Root, "input/assets/images/2022/whole" + Path.GetExtension(name));
        using (var image = TestPhotos.Noise(300, 200))
            image.WriteToFile(whole);
        var bytes = File.ReadAllBytes(whole);
        File.Delete(whole);
        File.WriteAllBytes(Path.Combine(site.Root, "input/assets/images/2022", name), bytes[..(bytes.Length * 3 / 4)]);

        site.Rebuild(site.Settings(write: false) with { EncodeOnRequest = true });

        // (libvips itself refuses the header of a WebP cut short.)
        site.AssertDiagnostic($"input/en/topics/2022/photos.md(13,1): error GEN103: the photo assets/images/2022/{name} " + (name.EndsWith(".webp", StringComparison.Ordinal) ? "cannot be read" : "is damaged or truncated"));
        Assert.Equal(1, site.Result.Diagnostics.Count(d => d.Code == "GEN103"));
        site.Rebuild(site.Settings(write: false) with { EncodeOnRequest = true });
        Assert.Equal(1, site.Result.Diagnostics.Count(d => d.Code == "GEN103")); // not forgotten by the stamp of a warm build
    }

    [Fact]
    public void A_png_named_jpg_is_an_error_that_names_its_real_format()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Png(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        site.Rebuild();

        site.AssertDiagnostic("input/en/topics/2022/photos.md(7,10): error GEN104: the photo assets/images/2022/wide.jpg is a PNG file named .jpg; rename it to .png");
    }

    // Issue 16 (done-when: each bad image gives its diagnostic): a file of a kind that is no
    // photo format of ours, named as one, says what libvips found in it.
    [Fact]
    public void A_gif_named_jpg_is_an_error_that_names_what_the_file_is()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        // The smallest GIF: one white pixel.
        File.WriteAllBytes(Path.Combine(site.Root, "input/assets/images/2022/wide.jpg"), Convert.FromHexString(
            "47494638396101000100800000000000FFFFFF21F90401000000002C00000000010001000002024401003B"));
        site.Rebuild();

        site.AssertDiagnostic("input/en/topics/2022/photos.md(7,10): error GEN104: the photo assets/images/2022/wide.jpg is named .jpg but is not a JPEG image (libvips reads it with VipsForeignLoadNsgifFile); save it as JPEG, PNG or WebP");
    }

    // Issue 16 (outside look): an image that is no figure (inside a sentence) skipped every
    // photo check: a 68-byte PNG declaring 100,000 × 100,000 pixels was published as it was,
    // with no error and no width or height. It goes through the figures' step now.
    [Fact]
    public void An_image_inside_a_sentence_is_checked_and_published_as_a_photo()
    {
        using var site = TestSite.Create(Pages + """
            -- input/en/inline.md --
            ---
            title: Inline
            ---
            The well ![a well](/assets/images/2022/wide.jpg) and the bomb ![a bomb](/assets/images/2022/bomb.png).

            [![the small photo](/assets/images/2022/small.png){.thumb}](/en/topics/2022/photos/)
            """);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        TestPhotos.Png(site.Root, "input/assets/images/2022/small.png", 150, 100);
        File.WriteAllBytes(Path.Combine(site.Root, "input/assets/images/2022/bomb.png"), TestPhotos.PngHeaderOnly(100_000, 100_000));
        site.Rebuild();

        site.AssertDiagnostic("input/en/inline.md(4,63): error GEN105: the photo assets/images/2022/bomb.png declares 100,000 × 100,000 pixels");
        Assert.False(site.Exists("assets/images/2022/bomb.png"), "the bomb was published");
        var page = Path.Combine(site.Root, "input/en/inline.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace(" and the bomb ![a bomb](/assets/images/2022/bomb.png)", "", StringComparison.Ordinal));
        File.Delete(Path.Combine(site.Root, "input/assets/images/2022/bomb.png"));
        site.Rebuild();
        site.AssertNoDiagnostics();
        site.AssertFile("en/inline/index.html", """
            The well <picture><source type="image/avif" srcset="/assets/images/2022/wide-100w.avif 100w, /assets/images/2022/wide-200w.avif 200w"
            <img src="/assets/images/2022/wide-200w.jpg" srcset="/assets/images/2022/wide-100w.jpg 100w, /assets/images/2022/wide-200w.jpg 200w" sizes="min(100vw - 2rem, 42rem, 2 * min(50vh, 22rem))" alt="a well" width="200" height="100" fetchpriority="high"></picture>
            <a href="/en/topics/2022/photos/"><picture>
            alt="the small photo" class="thumb" width="150" height="100" loading="lazy" decoding="async"></picture></a>
            ! wide.jpg"
            """);
        Assert.False(site.Exists("assets/images/2022/wide.jpg"), "the original of an inline photo was published");
    }

    [Fact]
    public async Task A_photo_declaring_100000_by_100000_pixels_is_refused_before_it_is_decoded()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        File.WriteAllBytes(Path.Combine(site.Root, "input/assets/images/2022/small.png"), TestPhotos.PngHeaderOnly(100_000, 100_000));
        var build = Task.Run(() => site.Rebuild());
        Assert.True(await Task.WhenAny(build, Task.Delay(TimeSpan.FromMinutes(2))) == build, "the build hung on a decompression bomb");

        site.AssertDiagnostic("input/en/topics/2022/photos.md(13,1): error GEN105: the photo assets/images/2022/small.png declares 100,000 × 100,000 pixels");
    }
}

// Issue 16: the persistent cache of derivatives, and their determinism.
public sealed class PhotoCacheTests
{
    private const string Pages = """
        -- input/site.yml --
        languages: [en]
        image_widths: [100, 200]
        -- input/en/topics/2022/photos.md --
        ---
        title: Photos
        summary: S
        date: 2022-01-01
        images:
          - src: /assets/images/2022/wide.jpg
            alt: A wide photo
            caption: Wide
        ---
        Some text.
        """;

    [Fact]
    public void A_warm_cache_is_copied_instead_of_encoding_again()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        site.Rebuild();
        var cache = Path.Combine(site.Root, ".cache/images");
        var cached = System.IO.Directory.EnumerateFiles(cache, "100w.avif", SearchOption.AllDirectories).Single();
        Assert.Equal(File.ReadAllBytes(cached), File.ReadAllBytes(Path.Combine(site.Output, "assets/images/2022/wide-100w.avif")));

        // Had the second build encoded, it would have written the real AVIF again.
        File.WriteAllText(cached, "from the cache");
        site.Rebuild();

        Assert.Equal("from the cache", site.Read("assets/images/2022/wide-100w.avif"));
    }

    // Issue 16: a warm build lists each cache entry once rather than looking up each of its
    // files; a file missing from an entry (deleted, or a cache restored in part) is made
    // again, and the others are still taken from the cache.
    [Fact]
    public void A_derivative_missing_from_its_cache_entry_is_made_again_and_only_it()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        site.Rebuild();
        var entry = Path.GetDirectoryName(System.IO.Directory.EnumerateFiles(Path.Combine(site.Root, ".cache/images"), "100w.avif", SearchOption.AllDirectories).Single())!;
        var made = File.ReadAllBytes(Path.Combine(entry, "200w.webp"));
        File.Delete(Path.Combine(entry, "200w.webp"));
        File.WriteAllText(Path.Combine(entry, "100w.avif"), "from the cache");

        site.Rebuild();

        Assert.Equal(made, File.ReadAllBytes(Path.Combine(site.Output, "assets/images/2022/wide-200w.webp")));
        Assert.Equal(made, File.ReadAllBytes(Path.Combine(entry, "200w.webp")));
        Assert.Equal("from the cache", site.Read("assets/images/2022/wide-100w.avif"));
    }

    // Issue 16: the cache key's libvips version is read from the library without starting
    // NetVips (a warm build encodes nothing); it must be the version NetVips encodes with.
    [Fact]
    public void The_cache_key_names_the_libvips_version_that_encodes()
    {
        var version = $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";

        Assert.StartsWith($"libvips {version};", Generator.Photos.PhotoEncoder.Settings, StringComparison.Ordinal);
    }

    // Issue 16: a warm build copied every derivative byte by byte.
    [Fact]
    public void A_warm_build_hard_links_the_cached_derivatives_into_the_output()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        site.Rebuild().Rebuild();

        var cached = System.IO.Directory.EnumerateFiles(Path.Combine(site.Root, ".cache/images"), "100w.avif", SearchOption.AllDirectories).Single();
        var published = Path.Combine(site.Output, "assets/images/2022/wide-100w.avif");
        Assert.Equal(FileStamp.Of(cached)!.Value.Inode, FileStamp.Of(published)!.Value.Inode);
    }

    [Fact]
    public void A_cache_on_another_file_system_is_copied()
    {
        // /dev/shm is a memory file system: no hard link reaches it from the test's folder.
        var elsewhere = Path.Combine("/dev/shm", "generator-photo-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var site = TestSite.Create(Pages);
            TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
            site.Rebuild(site.Settings() with { CacheFolder = elsewhere });

            site.AssertNoDiagnostics();
            var cached = System.IO.Directory.EnumerateFiles(elsewhere, "100w.avif", SearchOption.AllDirectories).Single();
            var published = Path.Combine(site.Output, "assets/images/2022/wide-100w.avif");
            Assert.NotEqual(FileStamp.Of(cached)!.Value.Device, FileStamp.Of(published)!.Value.Device);
            Assert.Equal(File.ReadAllBytes(cached), File.ReadAllBytes(published));
        }
        finally
        {
            if (System.IO.Directory.Exists(elsewhere))
                System.IO.Directory.Delete(elsewhere, recursive: true);
        }
    }

    // Issue 16: an original rewritten in place with the same size (and its mtime set back, as
    // cp -p does) must not be taken for the one the cache knows.
    [Fact]
    public void An_original_rewritten_in_place_with_the_same_size_and_mtime_misses_the_cache()
    {
        using var site = TestSite.Create(Pages);
        var original = Path.Combine(site.Root, "input/assets/images/2022/wide.jpg");
        // Mirrored and flipped: files of the same length (one byte of the Exif differs), other pixels.
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150, orientation: 2);
        TestPhotos.Jpeg(site.Root, "other.jpg", 300, 150, orientation: 4);
        var replacement = File.ReadAllBytes(Path.Combine(site.Root, "other.jpg"));
        var mtime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc); // whole seconds, so setting it back is exact
        File.SetLastWriteTimeUtc(original, mtime);
        site.Rebuild();
        var before = File.ReadAllBytes(Path.Combine(site.Output, "assets/images/2022/wide-100w.webp"));
        var stamp = FileStamp.Of(original)!.Value;
        Assert.Equal(stamp.Size, replacement.Length);

        using (var file = new FileStream(original, FileMode.Open, FileAccess.Write))
            file.Write(replacement);
        File.SetLastWriteTimeUtc(original, mtime);
        var after = FileStamp.Of(original)!.Value;
        Assert.Equal((stamp.Inode, stamp.Size, stamp.ModifiedNs), (after.Inode, after.Size, after.ModifiedNs));
        site.Rebuild();

        Assert.NotEqual(before, File.ReadAllBytes(Path.Combine(site.Output, "assets/images/2022/wide-100w.webp")));
    }

    [Fact]
    public void An_original_changed_in_place_misses_the_cache()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
        site.Rebuild();
        TestPhotos.Png(site.Root, "input/assets/images/2022/other.png", 300, 150);
        using (var other = NetVips.Image.NewFromFile(Path.Combine(site.Root, "input/assets/images/2022/other.png")))
            other.Jpegsave(Path.Combine(site.Root, "input/assets/images/2022/wide.jpg"), q: 50);
        var before = File.ReadAllBytes(Path.Combine(site.Output, "assets/images/2022/wide-100w.webp"));
        site.Rebuild();

        Assert.NotEqual(before, File.ReadAllBytes(Path.Combine(site.Output, "assets/images/2022/wide-100w.webp")));
        Assert.Equal(2, System.IO.Directory.EnumerateDirectories(Path.Combine(site.Root, ".cache/images"), "*", SearchOption.AllDirectories).Count(IsDerivativesEntry));
    }

    /// An entry of photo derivatives, named by 40 hex digits (the cache also holds PDFs and search bundles, "p…" and "s…").
    private static bool IsDerivativesEntry(string folder) =>
        Path.GetFileName(folder) is { Length: 40 } name && name.All(char.IsAsciiHexDigitLower);

    // Issue 16: preview makes one derivative when it is requested; it must be the file a build makes.
    [Fact]
    public void A_derivative_made_alone_has_the_bytes_it_has_among_the_others()
    {
        using var site = TestSite.Create(Pages);
        TestPhotos.Jpeg(site.Root, "a.jpg", 300, 150);
        var file = Path.Combine(site.Root, "a.jpg");
        var header = Generator.Photos.PhotoReader.Read(file, 100_000_000).Header!;

        var all = Generator.Photos.PhotoEncoder.Encode(file, header, [100, 200]).Derivatives;

        Assert.Equal(6, all.Count);
        foreach (var derivative in all)
        {
            var alone = Generator.Photos.PhotoEncoder.Encode(file, header, [100, 200], (w, f) => w == derivative.Width && f == derivative.Format).Derivatives;
            Assert.Equal(derivative.Bytes, Assert.Single(alone).Bytes);
        }
    }

    [Fact]
    public void Two_cold_builds_write_byte_identical_derivatives()
    {
        using var one = TestSite.Create(Pages);
        using var two = TestSite.Create(Pages);
        foreach (var site in new[] { one, two })
        {
            TestPhotos.Jpeg(site.Root, "input/assets/images/2022/wide.jpg", 300, 150);
            site.Rebuild();
        }

        var names = one.Files().Where(f => f.StartsWith("assets/images/2022/", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, names.Count);
        Assert.Equal(names, two.Files().Where(f => f.StartsWith("assets/images/2022/", StringComparison.Ordinal)));
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(one.Output, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(two.Output, name))), name);
    }
}
