namespace Generator.Tests.Robustness;

// Issue 13, A.18: the cover 'image' and each images[].src is a path to an image of the
// site or an https:// address; any other scheme is an error at the value, and og:image is
// always base_url + path with exactly one slash.
public sealed class ImageReferenceTests
{
    private const string Settings = """
        -- input/site.yml --
        base_url: "https://example.org"
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        -- input/assets/images/2022/well.png --
        png 40x30

        """;

    private static string Topic(string name, string frontMatter) => $"""
        -- input/en/topics/2022/{name}.md --
        ---
        title: T
        summary: S
        date: 2022-01-01
        {frontMatter}
        ---
        Body

        """;

    [Fact]
    public void A_cover_or_photo_with_an_unsafe_scheme_is_an_error_at_the_value()
    {
        using var site = TestSite.Build(Settings
            + Topic("script", "image: javascript:alert(9)")
            + Topic("data", "images:\n  - src: \"data:image/svg+xml,<svg onload=alert(1)>\"\n    alt: A")
            + Topic("plain", "image: http://example.com/a.png")
            + Topic("relative", "image: //example.com/a.png"));

        site.AssertDiagnostic("input/en/topics/2022/script.md(5,8): error GEN019: 'image' must be a path to an image of the site, such as /assets/images/2022/photo.jpg, or an https:// address; got \"javascript:alert(9)\"");
        site.AssertDiagnostic("input/en/topics/2022/data.md(6,10): error GEN019: 'src' must be a path to an image of the site");
        site.AssertDiagnostic("input/en/topics/2022/plain.md(5,8): error GEN019: 'image' must be a path to an image of the site, such as /assets/images/2022/photo.jpg, or an https:// address; got \"http://example.com/a.png\"; write https://example.com/a.png");
        site.AssertDiagnostic("input/en/topics/2022/relative.md(5,8): error GEN019: 'image' must be a path to an image of the site, such as /assets/images/2022/photo.jpg, or an https:// address; got \"//example.com/a.png\"; write https://example.com/a.png");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == DiagnosticCodes.MissingKey);
        Assert.Equal(4, site.Result.Diagnostics.Count(d => d.Severity == Engine.Severity.Error));
    }

    [Fact]
    public void The_cover_s_og_image_is_base_url_and_path_with_one_slash()
    {
        using var site = TestSite.Build(Settings
            + Topic("site-path", "image: /assets/images/2022/well.png")
            + Topic("relative", "image: ../../../../assets/images/2022/well.png")
            + Topic("external", "image: https://cdn.example.net/photos/well.jpg"));

        site.AssertFile("en/topics/2022/site-path/index.html", """<meta property="og:image" content="https://example.org/assets/images/2022/well-40w.png">""");
        site.AssertFile("en/topics/2022/relative/index.html", """<meta property="og:image" content="https://example.org/assets/images/2022/well-40w.png">""");
        site.AssertFile("en/topics/2022/external/index.html", """<meta property="og:image" content="https://cdn.example.net/photos/well.jpg">""");
    }

    [Fact]
    public void A_project_site_s_og_image_keeps_the_base_path()
    {
        using var site = TestSite.Build(Settings + Topic("a", "image: /assets/images/2022/well.png"), baseUrl: "https://org.github.io/repo");

        site.AssertFile("en/topics/2022/a/index.html", """<meta property="og:image" content="https://org.github.io/repo/assets/images/2022/well-40w.png">""");
    }

    [Fact]
    public void A_cover_that_does_not_exist_is_reported_like_every_image()
    {
        using var site = TestSite.Build(Settings + Topic("a", "image: /assets/images/2022/wel.png"));

        site.AssertDiagnostic("input/en/topics/2022/a.md(5,8): error GEN021: no image at '/assets/images/2022/wel.png' (looked for input/assets/images/2022/wel.png); did you mean '/assets/images/2022/well.png'?");
    }

    [Fact]
    public void Structured_data_gives_every_photo_one_absolute_url()
    {
        using var site = TestSite.Build(Settings + Topic("a", "images:\n  - src: /assets/images/2022/well.png\n    alt: A well\n  - src: https://cdn.example.net/b.jpg\n    alt: B"));

        site.AssertFile("en/topics/2022/a/index.html", """
            "contentUrl":"https://example.org/assets/images/2022/well-40w.png"
            "contentUrl":"https://cdn.example.net/b.jpg"
            """);
    }
}
