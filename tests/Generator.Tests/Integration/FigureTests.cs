namespace Generator.Tests.Integration;

// Issue 2: photos are numbered figures with caption and credit, in the page's language.
public sealed class FigureTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/assets/images/2022/one.png --
        png 40x30
        -- input/assets/images/2022/two.png --
        png 40x30
        -- input/assets/images/2022/three.png --
        png 40x30

        """;

    [Fact]
    public void Front_matter_photos_come_first_and_body_figures_continue_the_numbering()
    {
        using var site = TestSite.Build(Site + """
            -- input/en/topics/2022/photos.md --
            ---
            title: Photos
            summary: S
            date: 2022-01-01
            images:
              - src: /assets/images/2022/one.png
                alt: The minister speaking
                caption: The minister delivering a video message
              - src: /assets/images/2022/two.png
                alt: A report cover
                caption: UNDP published a report
                credit: UNDP
            ---
            Some text.

            ![A village well](/assets/images/2022/three.png "A well built with Japan's support"){credit="JICA"}

            An inline ![icon](/assets/images/2022/one.png) stays an image.
            """);

        site.AssertFile("en/topics/2022/photos/index.html", """
            <figure class="figure" id="photo-1"><picture><source type="image/avif" srcset="/assets/images/2022/one-40w.avif 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))"><source type="image/webp" srcset="/assets/images/2022/one-40w.webp 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))"><img src="/assets/images/2022/one-40w.png" srcset="/assets/images/2022/one-40w.png 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))" alt="The minister speaking" width="40" height="30" fetchpriority="high"></picture><figcaption data-pagefind-ignore><span class="figure-label">Photo 1</span> The minister delivering a video message</figcaption></figure>
            <figure class="figure" id="photo-2"><picture><source type="image/avif" srcset="/assets/images/2022/two-40w.avif 40w"
            <img src="/assets/images/2022/two-40w.png" srcset="/assets/images/2022/two-40w.png 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))" alt="A report cover" width="40" height="30" loading="lazy" decoding="async"></picture><figcaption data-pagefind-ignore><span class="figure-label">Photo 2</span> UNDP published a report <span class="figure-credit">(Photo: UNDP)</span></figcaption></figure>
            <figure class="figure" id="photo-3"><picture><source type="image/avif" srcset="/assets/images/2022/three-40w.avif 40w"
            <img src="/assets/images/2022/three-40w.png" srcset="/assets/images/2022/three-40w.png 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))" alt="A village well" width="40" height="30" loading="lazy" decoding="async"></picture><figcaption data-pagefind-ignore><span class="figure-label">Photo 3</span> A well built with Japan's support <span class="figure-credit">(Photo: JICA)</span></figcaption></figure>
            An inline <picture><source type="image/avif" srcset="/assets/images/2022/one-40w.avif 40w"
            <img src="/assets/images/2022/one-40w.png" srcset="/assets/images/2022/one-40w.png 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))" alt="icon" width="40" height="30" loading="lazy" decoding="async"></picture> stays an image.
            ! id="photo-4"
            ! credit=
            """);
    }

    [Fact]
    public void Japanese_figures_read_photo_and_credit_in_Japanese()
    {
        using var site = TestSite.Build(Site + """
            -- input/ja/topics/2022/photos.md --
            ---
            title: 写真
            summary: 要約
            date: 2022-01-01
            images:
              - src: /assets/images/2022/two.png
                alt: 報告書の表紙
                caption: UNDPは報告書を発表した
                credit: UNDP
            ---
            ![井戸](/assets/images/2022/three.png "日本の支援で建設された井戸")
            """);

        site.AssertFile("ja/topics/2022/photos/index.html", """
            <span class="figure-label">写真1</span> UNDPは報告書を発表した<span class="figure-credit">（写真：UNDP）</span>
            <span class="figure-label">写真2</span> 日本の支援で建設された井戸</figcaption>
            """);
    }

    [Fact]
    public void An_image_without_alt_text_is_an_error_in_Markdown_and_in_front_matter()
    {
        using var site = TestSite.Build(Site + """
            -- input/en/topics/2022/no-alt.md --
            ---
            title: No alt
            summary: S
            date: 2022-01-01
            images:
              - src: /assets/images/2022/one.png
                caption: A caption but no alt
            ---
            Text first.

            ![](/assets/images/2022/two.png "Caption")
            """);

        site.AssertDiagnostic("input/en/topics/2022/no-alt.md(6,5): error GEN016: photo '/assets/images/2022/one.png' has no alt text");
        site.AssertDiagnostic("input/en/topics/2022/no-alt.md(11,1): error GEN016: image has no alt text");
    }

    // Issue 15: a photo that is not available is never a grey box: 'placeholder: true' shows
    // its number, caption and credit with a notice in the page's language, after the lead
    // paragraph, and structured data and link previews leave it out (a cover that is a
    // placeholder is no cover: the topic's share card is its link preview).
    [Fact]
    public void A_placeholder_photo_is_its_caption_and_credit_with_a_notice_and_no_image()
    {
        using var site = TestSite.Build(Site + """
            -- input/en/topics/2022/held.md --
            ---
            title: Held back
            summary: S
            date: 2022-01-01
            image: /assets/images/2022/two.png
            images:
              - placeholder: true
                caption: The minister delivering a video message
              - src: /assets/images/2022/two.png
                placeholder: true
                caption: UNDP published a report
                credit: UNDP
              - src: /assets/images/2022/one.png
                alt: A well
                caption: A well
            ---
            The lead paragraph.

            The second paragraph.
            -- input/ja/topics/2022/held.md --
            ---
            title: 保留
            summary: 要約
            images:
              - placeholder: true
                caption: UNDPは報告書を発表した
                credit: UNDP
            ---
            本文。
            """);

        site.AssertFile("en/topics/2022/held/index.html", """
            <p>The lead paragraph.</p>
            <figure class="figure figure-placeholder" id="photo-1"><figcaption data-pagefind-ignore><span class="figure-label">Photo 1</span> The minister delivering a video message<span class="figure-notice">The photo is not shown on this site.</span></figcaption></figure>
            <figure class="figure figure-placeholder" id="photo-2"><figcaption data-pagefind-ignore><span class="figure-label">Photo 2</span> UNDP published a report <span class="figure-credit">(Photo: UNDP)</span><span class="figure-notice">
            <figure class="figure" id="photo-3"><picture><source type="image/avif" srcset="/assets/images/2022/one-40w.avif 40w"
            <img src="/assets/images/2022/one-40w.png" srcset="/assets/images/2022/one-40w.png 40w" sizes="min(100vw - 2rem, 42rem, 1.3333 * min(50vh, 22rem))" alt="A well" width="40" height="30" fetchpriority="high">
            ! two-40w
            ! two.png
            <meta property="og:image" content="https://example.org/en/topics/2022/held/share-card.png">
            """);
        var html = site.Read("en/topics/2022/held/index.html");
        Assert.True(html.IndexOf("The lead paragraph.", StringComparison.Ordinal) < html.IndexOf("id=\"photo-1\"", StringComparison.Ordinal)
            && html.IndexOf("id=\"photo-3\"", StringComparison.Ordinal) < html.IndexOf("The second paragraph.", StringComparison.Ordinal),
            "the photos should sit between the lead paragraph and the rest of the text");
        var jsonLd = html[html.IndexOf("application/ld+json", StringComparison.Ordinal)..];
        Assert.Contains("one-40w.png", jsonLd[..jsonLd.IndexOf("</script>", StringComparison.Ordinal)]);
        site.AssertFile("ja/topics/2022/held/index.html", """
            <span class="figure-label">写真1</span> UNDPは報告書を発表した<span class="figure-credit">（写真：UNDP）</span><span class="figure-notice">写真は本サイトには掲載していません。</span>
            ! <img
            """);
    }

    [Fact]
    public void A_placeholder_needs_a_caption_and_placeholder_must_be_true_or_false()
    {
        using var site = TestSite.Build(Site + """
            -- input/en/topics/2022/held.md --
            ---
            title: Held back
            summary: S
            date: 2022-01-01
            images:
              - placeholder: true
              - src: /assets/images/2022/one.png
                alt: A well
                placeholder: maybe
            ---
            Text.
            """);

        site.AssertDiagnostic("input/en/topics/2022/held.md(6,5): error GEN016: a placeholder photo shows only its caption; add 'caption: …'");
        site.AssertDiagnostic("input/en/topics/2022/held.md(9,18): error GEN013: 'placeholder' must be true (the photo is not available) or false, got \"maybe\"");
    }
}
