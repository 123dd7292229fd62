namespace Generator.Tests.Integration;

// Issue 17: a translation's headings take their original's ids by structure (or keep an
// explicit {#id}), so /en/…/#background and /ja/…/#background are the same section; a
// fragment link into a translated page that one language lacks is an error.
public sealed class SectionIdTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/index.md --
        ---
        title: Home
        ---
        -- input/ja/index.md --
        ---
        title: ホーム
        ---
        -- input/en/topics/2022/water.md --
        ---
        title: Water
        summary: S
        date: 2022-01-01
        ---
        ## Background

        ### Wells

        ### Pumps

        ## Results {#outcomes}

        See [the wells](#wells).
        -- input/ja/topics/2022/water.md --
        ---
        title: 水
        summary: エス
        ---
        ## 背景

        ### ポンプ

        ## 成果

        [井戸](#wells)を見よ。
        """;

    [Fact]
    public void Translated_headings_take_the_original_ids_by_level_and_order()
    {
        var site = TestSite.Build(Site.Replace("[井戸](#wells)を見よ。", "本文。"));

        site.AssertFile("en/topics/2022/water/index.html", """
            <h2 id="background">
            <h3 id="wells">
            <h2 id="outcomes">
            """);
        // The translation left out one h3: the other headings still pair by level and order.
        site.AssertFile("ja/topics/2022/water/index.html", """
            <h2 id="background">
            <h3 id="wells">
            <h2 id="outcomes">
            href="#outcomes"
            ! id="背景"
            """);
    }

    [Fact]
    public void An_explicit_id_in_the_translation_wins()
    {
        var site = TestSite.Build(Site.Replace("## 成果", "## 成果 {#seika}").Replace("[井戸](#wells)を見よ。", "本文。"));

        site.AssertFile("ja/topics/2022/water/index.html", """
            <h2 id="seika">
            <h2 id="background">
            """);
    }

    [Fact]
    public void A_fragment_link_to_a_section_one_language_lacks_is_an_error_at_the_link()
    {
        var site = TestSite.Build(Site.Replace("## 成果", "## 成果 {#seika}").Replace("See [the wells](#wells).", "See [the results](#outcomes)."));

        var error = site.AssertDiagnostic("input/en/topics/2022/water.md(14,5): error GEN098: '#outcomes' links to section '#outcomes' of /en/topics/2022/water/, which its translation /ja/topics/2022/water/ lacks");
        Assert.Contains("give the heading in input/ja/topics/2022/water.md the same id: write {#outcomes} at the end of its line", error.Message);
    }
}
