namespace Generator.Tests.Integration;

// Issue 15: a photo whose file has not arrived yet. Preview shows the figure as a placeholder
// (its caption and credit with the notice, never a broken image) with a warning; build still
// stops at the missing file.
public sealed class AbsentPhotoTests
{
    private const string Files = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/topics/2022/held.md --
        ---
        title: Held
        summary: S
        date: 2022-01-01
        images:
          - src: /assets/images/2022/later.jpg
            alt: The minister speaking
            caption: The minister delivering a video message
            credit: MOFA
        ---
        The lead paragraph.

        ![A village well](/assets/images/2022/well.jpg "A well built with Japan's support"){credit="JICA"}
        -- input/ja/topics/2022/held.md --
        ---
        title: 保留
        summary: 要約
        images:
          - src: /assets/images/2022/later.jpg
            alt: 演説する大臣
            caption: ビデオメッセージを述べる大臣
            credit: 外務省
        ---
        本文。
        """;

    [Fact]
    public void Build_reports_each_missing_photo_as_an_error()
    {
        using var site = TestSite.Build(Files);

        Assert.False(site.Result.Succeeded);
        site.AssertDiagnostic("input/en/topics/2022/held.md(6,10): error GEN021");
        site.AssertDiagnostic("input/en/topics/2022/held.md(13,1): error GEN021");
    }

    [Fact]
    public void Preview_shows_a_missing_photo_as_its_caption_and_credit_with_the_placeholder_notice()
    {
        using var site = TestSite.Build(Files);
        site.Rebuild(site.Settings() with { AbsentPhotosAsPlaceholders = true });

        site.AssertSucceeded();
        site.AssertDiagnostic("input/en/topics/2022/held.md(6,10): warning GEN021: no image at assets/images/2022/later.jpg; preview shows");
        site.AssertDiagnostic("input/en/topics/2022/held.md(13,1): warning GEN021: no image at assets/images/2022/well.jpg; preview shows");
        site.AssertFile("en/topics/2022/held/index.html", """
            <figure class="figure figure-placeholder" id="photo-1"><figcaption data-pagefind-ignore><span class="figure-label">Photo 1</span> The minister delivering a video message <span class="figure-credit">(Photo: MOFA)</span><span class="figure-notice">The photo is not shown on this site.</span></figcaption></figure>
            <figure class="figure figure-placeholder" id="photo-2"><figcaption data-pagefind-ignore><span class="figure-label">Photo 2</span> A well built with Japan's support <span class="figure-credit">(Photo: JICA)</span><span class="figure-notice">The photo is not shown on this site.</span></figcaption></figure>
            ! <img
            ! later.jpg
            ! well.jpg
            """);
        site.AssertFile("ja/topics/2022/held/index.html", """
            <span class="figure-label">写真1</span> ビデオメッセージを述べる大臣<span class="figure-credit">（写真：外務省）</span><span class="figure-notice">写真は本サイトには掲載していません。</span>
            ! <img
            """);
    }
}
