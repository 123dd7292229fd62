using Generator.Validation;

namespace Generator.Tests.Integration;

// Issue 2: the repository's sample site builds cleanly into a temp folder (the repo's
// input/ is only read; output goes elsewhere).
public sealed class SampleSiteTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("generator-sample-").FullName;

    [Fact]
    public async Task The_sample_topic_is_built_in_both_languages_linked_to_each_other()
    {
        var root = TestSite.RepositoryRoot();
        var result = await new SiteBuild(new BuildSettings
        {
            InputFolder = Path.Combine(root, "input"),
            ThemeFolder = Path.Combine(root, "theme"),
            OutputFolder = Path.Combine(output, "site"),
            DisplayRoot = root,
        }).RunAsync();

        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        var english = File.ReadAllText(Path.Combine(output, "site/en/topics/2022/human-security/index.html"));
        var japanese = File.ReadAllText(Path.Combine(output, "site/ja/topics/2022/human-security/index.html"));
        TestSite.AssertText(english, """
            <html lang="en" style="--running-head: &quot;White Paper Topics project | White Paper on Development Cooperation 2022&quot;">
            <p class="topic-series" data-pagefind-meta="series">ODA Topics 3</p>
            <h1 data-pagefind-meta="title">Promoting Efforts toward the Realization of Human Security</h1>
            <span class="figure-label">Photo 2</span> United Nations Development Programme (UNDP) published a Special Report on Human Security in February 2022 <span class="figure-credit">(Photo: UNDP)</span>
            <a href="/ja/topics/2022/human-security/" hreflang="ja" lang="ja">日本語</a>
            <link rel="alternate" hreflang="ja" href="https://example.org/ja/topics/2022/human-security/">
            approximately 49 billion yen
            """, "English topic");
        TestSite.AssertText(japanese, """
            <html lang="ja" style="--running-head: &quot;白書トピックス・プロジェクト｜2022年版開発協力白書&quot;">
            <p class="topic-series" data-pagefind-meta="series">開発協力トピックス3</p>
            <span class="figure-label">写真1</span>
            公開日：<time datetime="2023-03-14" data-pagefind-meta="date">2023年3月14日</time>
            発表した<span class="figure-credit">（写真：UNDP）</span>
            ! 公開日： <time
            ! ·
            <a href="/en/topics/2022/human-security/" hreflang="en" lang="en">English</a>
            <link rel="alternate" hreflang="en" href="https://example.org/en/topics/2022/human-security/">
            本サイトが英語版から翻訳したもの
            """, "Japanese topic");
    }

    // Issue 3: every page type exists in both languages, and no internal link is broken.
    [Fact]
    public async Task The_sample_site_has_every_page_type_in_both_languages_and_no_broken_link()
    {
        var root = TestSite.RepositoryRoot();
        var site = Path.Combine(output, "links");
        var result = await new SiteBuild(new BuildSettings
        {
            InputFolder = Path.Combine(root, "input"),
            ThemeFolder = Path.Combine(root, "theme"),
            OutputFolder = site,
            DisplayRoot = root,
            BaseUrl = new Uri("https://org.github.io/repo/"),
        }).RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        foreach (var lang in new[] { "en", "ja" })
        {
            foreach (var page in new[] { "index.html", "topics/index.html", "topics/2022/index.html", "topics/2022/human-security/index.html", "tags/index.html", "tags/human-security/index.html", "feed.xml" })
                Assert.True(File.Exists(Path.Combine(site, lang, page)), $"{lang}/{page} was not built");
        }

        foreach (var file in new[] { "index.html", "404.html", "sitemap.xml", "robots.txt" })
            Assert.True(File.Exists(Path.Combine(site, file)), $"{file} was not built");
        Assert.Empty(OutputLinkChecker.Check(site, "/repo/").Select(b => b.ToString()));
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
