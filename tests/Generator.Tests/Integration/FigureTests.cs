namespace Generator.Tests.Integration;

// Issue 2: photos are numbered figures with caption and credit, in the page's language.
public sealed class FigureTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/assets/images/2022/one.png --
        png
        -- input/assets/images/2022/two.png --
        png
        -- input/assets/images/2022/three.png --
        png

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
            <figure class="figure" id="photo-1"><img src="/assets/images/2022/one.png" alt="The minister speaking"><figcaption><span class="figure-label">Photo 1</span> The minister delivering a video message</figcaption></figure>
            <figure class="figure" id="photo-2"><img src="/assets/images/2022/two.png" alt="A report cover" loading="lazy"><figcaption><span class="figure-label">Photo 2</span> UNDP published a report <span class="figure-credit">(Photo: UNDP)</span></figcaption></figure>
            <figure class="figure" id="photo-3"><img src="/assets/images/2022/three.png" alt="A village well" loading="lazy"><figcaption><span class="figure-label">Photo 3</span> A well built with Japan's support <span class="figure-credit">(Photo: JICA)</span></figcaption></figure>
            <img src="/assets/images/2022/one.png" alt="icon"
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
            <span class="figure-label">写真1</span> UNDPは報告書を発表した <span class="figure-credit">（写真：UNDP）</span>
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
}
