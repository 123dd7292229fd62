namespace Generator.Tests.Integration;

// Issue 15: every interface string a layout or partial names is required in every
// language, reported at the i18n file when the theme is loaded (never a key printed on a
// page), and strings may have plural forms per language (English one/other, Japanese one).
public sealed class InterfaceStringTests
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
        -- theme/layouts/chooser.liquid --
        chooser
        -- theme/layouts/page.liquid --
        page
        -- theme/i18n/en.yml --
        figure_label: "Photo {n}"
        figure_credit: "(Photo: {credit})"
        series_number: "{series} {number}"
        topic_number: "Topic {number}"
        translation_missing: "Not in {language}."
        translation_unavailable: "Not in English."
        translation_home: "English home"
        menu_label: "Menu"
        topic_count:
          one: "{count} topic"
          other: "{count} topics"
        -- theme/i18n/ja.yml --
        figure_label: "写真{n}"
        figure_credit: "（写真：{credit}）"
        series_number: "{series}{number}"
        topic_number: "トピック{number}"
        translation_missing: "{language}版はありません。"
        translation_unavailable: "日本語版はありません。"
        translation_home: "日本語のトップページへ"
        menu: "メニュー"
        topic_count: "{count}件"

        """;

    [Fact]
    public void A_string_a_partial_uses_that_one_language_lacks_is_reported_at_that_languages_file()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/home.liquid --
            {% render 'menu' %}
            -- theme/layouts/partials/menu.liquid --
            <nav>
            <summary>{{ t.menu_label }}</summary></nav>
            """);

        site.AssertDiagnostic("theme/i18n/ja.yml(1,1): error GEN032: missing interface string 'menu_label', used at theme/layouts/partials/menu.liquid(2,13); add 'menu_label: …'");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.ToString().StartsWith("theme/i18n/en.yml", StringComparison.Ordinal));
        // The one mistake is reported once, not again at each page that renders the partial.
        Assert.Single(site.Result.Diagnostics, d => d.Message.Contains("menu_label", StringComparison.Ordinal));
    }

    [Fact]
    public void A_string_file_that_is_not_yaml_is_its_one_mistake_and_layouts_using_its_strings_report_nothing_more()
    {
        var broken = Site.Replace("menu: \"メニュー\"", "menu: \"メニュー\n  : [", StringComparison.Ordinal);
        using var site = TestSite.Build(broken + """
            -- theme/layouts/home.liquid --
            {% render 'menu' %}{{ t.translation_home }}
            -- theme/layouts/partials/menu.liquid --
            <nav><summary>{{ t.menu_label }}</summary></nav>
            """);

        var only = Assert.Single(site.Result.Diagnostics);
        Assert.StartsWith("theme/i18n/ja.yml(", only.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("GEN030", only.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_use_the_plural_form_of_the_pages_language()
    {
        using var site = TestSite.Build(Site + """
            -- theme/layouts/home.liquid --
            {{ t.topic_count | count: 1 }}|{{ t.topic_count | count: 3 }}|{{ t.menu_label | count: 2 }}
            """.Replace("{{ t.menu_label | count: 2 }}", "", StringComparison.Ordinal).Replace("menu: \"メニュー\"", "menu_label: \"メニュー\"", StringComparison.Ordinal));

        site.AssertFile("en/index.html", "1 topic|3 topics|");
        site.AssertFile("ja/index.html", "1件|3件|");
    }

    [Fact]
    public void A_plural_form_a_language_does_not_use_or_lacks_is_an_error_at_the_i18n_file()
    {
        using var site = TestSite.Build((Site + """
            -- theme/layouts/home.liquid --
            {{ t.topic_count | count: 1 }}
            """).Replace("  one: \"{count} topic\"\n", "", StringComparison.Ordinal)
            .Replace("topic_count: \"{count}件\"", "topic_count:\n  one: \"{count}件\"\n  other: \"{count}件\"", StringComparison.Ordinal));

        site.AssertDiagnostic("theme/i18n/en.yml(10,3): error GEN032: 'topic_count' has no 'one' form; en needs one and other");
        site.AssertDiagnostic("theme/i18n/ja.yml(10,3): error GEN032: 'topic_count' has a form 'one', which ja does not use; its forms are other (write one plain string)");
    }
}
