namespace Generator.Tests.Integration;

// Issue 14, outside look: a link or a translation that points at a draft was told "no page
// … add the file" by build and check although the file is there, and preview, which shows
// drafts, said nothing of the errors a build without them gives.
public sealed class DraftTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        Read [the coming topic](/en/topics/2022/b/).
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        -- input/en/topics/2022/b.md --
        ---
        title: B
        summary: S
        date: 2022-01-01
        draft: true
        ---
        Not ready.
        -- input/ja/topics/2022/b.md --
        ---
        title: ビー
        summary: エス
        ---
        まだです。
        """;

    [Fact]
    public void Build_says_a_link_and_a_translation_point_at_a_draft_and_what_to_write()
    {
        using var site = TestSite.Build(Site);

        Assert.Equal(
            [
                "input/en/index.md(4,6): error GEN020: '/en/topics/2022/b/' is a draft (input/en/topics/2022/b.md has 'draft: true'), so a build without --drafts has no page at /en/topics/2022/b/; "
                    + "remove 'draft: true' from it to publish it, or drop the link until it is",
                "input/ja/topics/2022/b.md(1,1): error GEN014: is a translation, but its English (en) original input/en/topics/2022/b.md is a draft ('draft: true'), so it has no date to take in a build without --drafts; "
                    + "remove 'draft: true' from the original to publish it, write 'date:' here, or keep this translation a draft too with 'draft: true'",
            ],
            site.Result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_check_session_notices_when_the_draft_is_published_or_made_a_draft_again()
    {
        using var site = TestSite.Running(Site);
        Assert.Equal(["GEN014", "GEN020"], site.Result.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Order(StringComparer.Ordinal));

        site.Edit("input/en/topics/2022/b.md", "draft: true\n", "").Build();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.IsError);

        site.Edit("input/en/topics/2022/b.md", "date: 2022-01-01\n", "date: 2022-01-01\ndraft: true\n").Build();
        Assert.Equal(["GEN014", "GEN020"], site.Result.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_says_a_translation_is_published_without_its_draft_version()
    {
        using var site = TestSite.Build(Site.Replace("summary: エス", "summary: エス\ndate: 2022-01-01"));
        site.Rebuild(write: false);

        site.AssertDiagnostic("input/ja/topics/2022/b.md(1,1): warning GEN060: its English (en) version input/en/topics/2022/b.md is a draft ('draft: true'), so this page is published without it; "
            + "remove 'draft: true' from it when it is ready");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Message.Contains("add input/", StringComparison.Ordinal));
    }

    [Fact]
    public void Preview_warns_where_a_build_without_drafts_fails_until_the_draft_is_published()
    {
        using var site = TestSite.Running(Site, includeDrafts: true);

        Assert.Equal(
            [
                "input/en/index.md(4,6): warning GEN122: '/en/topics/2022/b/' is a draft (input/en/topics/2022/b.md has 'draft: true'): shown here, but a build without --drafts has no page there and fails with GEN020; "
                    + "remove 'draft: true' from it to publish it, or drop the link until it is",
                "input/ja/topics/2022/b.md(1,1): warning GEN122: takes its date from its English (en) original input/en/topics/2022/b.md, which is a draft ('draft: true'): shown here, "
                    + "but a build without --drafts leaves the original out and fails with GEN014; remove 'draft: true' from the original to publish it, write 'date:' here, or keep this translation a draft too",
            ],
            site.Result.Diagnostics.Where(d => d.Code == "GEN122").Select(d => d.ToString()));
        Assert.True(site.Result.Succeeded);

        site.Edit("input/en/topics/2022/b.md", "draft: true\n", "").Build();

        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == "GEN122");
    }

    [Fact]
    public void A_draft_that_links_to_a_draft_or_translates_one_is_not_warned_of()
    {
        using var site = TestSite.Running(Site.Replace("title: ビー", "title: ビー\ndraft: true").Replace("title: Home\n", "title: Home\ndraft: true\n"), includeDrafts: true);

        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == "GEN122");
    }
}
