namespace Generator.Tests.Integration;

// Issue 4: drafts and topics dated after the build date stay out of the build unless
// asked for; a draft shown in preview (or with --drafts) carries a banner.
public sealed class ScheduleTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/topics/2024/now.md --
        ---
        title: Now
        summary: S
        date: 2024-12-31
        ---
        -- input/en/topics/2025/later.md --
        ---
        title: Later
        summary: S
        date: 2025-01-02
        ---
        -- input/ja/topics/2025/later.md --
        ---
        title: 後で
        summary: エス
        ---
        -- input/en/topics/2024/draft.md --
        ---
        title: Draft
        summary: S
        date: 2024-01-01
        draft: true
        ---
        """;

    [Fact]
    public void Future_topics_and_their_translations_are_left_out_unless_future_is_asked_for()
    {
        using var site = TestSite.Build(Site);

        site.AssertSucceeded();
        Assert.True(site.Exists("en/topics/2024/now/index.html"));
        Assert.False(site.Exists("en/topics/2025/later/index.html"));
        Assert.False(site.Exists("ja/topics/2025/later/index.html"));

        site.Rebuild(site.Settings() with { IncludeFuture = true });

        Assert.True(site.Exists("en/topics/2025/later/index.html"));
        site.AssertFile("ja/topics/2025/later/index.html", "後で");
    }

    [Fact]
    public void Drafts_are_left_out_by_default_and_shown_with_a_banner_when_included()
    {
        using var site = TestSite.Build(Site);
        Assert.False(site.Exists("en/topics/2024/draft/index.html"));

        site.Rebuild(site.Settings() with { IncludeDrafts = true });

        site.AssertFile("en/topics/2024/draft/index.html", """<p class="notice draft-banner" role="note">Draft: this page is not published.""");
        site.AssertFile("en/topics/2024/now/index.html", "! draft-banner");
    }
}
