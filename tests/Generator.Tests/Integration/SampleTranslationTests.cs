using Generator.Content;

namespace Generator.Tests.Integration;

// Issue 4, "done when": the sample topic's translation is ok, and stale once its English
// text is edited (on a copy of input/, never the repository's own files).
public sealed class SampleTranslationTests
{
    [Fact]
    public void The_sample_translation_is_ok_and_becomes_stale_after_the_English_text_is_edited()
    {
        using var site = TestSite.Create("");
        TestSite.CopyFolder(Path.Combine(TestSite.RepositoryRoot(), "input"), Path.Combine(site.Root, "input"));

        site.Rebuild(write: false);
        Assert.Contains("topics/2022/human-security  topic  original  ok", Report(site));

        var english = Path.Combine(site.Root, "input/en/topics/2022/human-security.md");
        File.WriteAllText(english, File.ReadAllText(english).Replace("Prime Minister Kishida spoke", "Prime Minister Kishida clearly spoke", StringComparison.Ordinal));
        site.Rebuild(write: false);

        Assert.Contains("topics/2022/human-security  topic  original  stale", Report(site));
        site.AssertDiagnostic("input/ja/topics/2022/human-security.md(12,18): warning GEN061");
        site.Rebuild();
        site.AssertFile("ja/topics/2022/human-security/index.html", "この翻訳の作成後に英語の原文が更新されています。");
    }

    private static string Report(TestSite site) =>
        TranslationReport.From(site.Result.Outputs[nameof(Pipelines.Content)], Generator.Site.SiteConfig.Default).ToText();
}
