namespace Generator.Tests.Integration;

// Issue 3: layouts format dates, era years and yen amounts through filters.
public sealed class FilterTests
{
    [Fact]
    public void Layouts_format_dates_eras_and_yen_in_the_page_language()
    {
        using var site = TestSite.Build("""
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
            -- input/ja/topics/2019/a.md --
            ---
            title: A
            summary: S
            date: 2019-05-01
            ---
            -- theme/layouts/topic.liquid --
            {{ page.date | format_date: "en" }}|{{ page.date | format_date: page.lang }}|{{ page.date | era }}|{{ 49000000000 | yen: page.lang, true }}|{{ 49000000000 | yen: "en" }}
            -- theme/layouts/home.liquid --
            home
            -- theme/layouts/chooser.liquid --
            chooser
            -- theme/i18n/en.yml --
            figure_label: "Photo {n}"
            figure_credit: "(Photo: {credit})"
            series_number: "{series} {number}"
            topic_number: "Topic {number}"
            translation_missing: "Not in {language}."
            translation_unavailable: "Not in English."
            translation_home: "English home"
            -- theme/i18n/ja.yml --
            figure_label: "写真{n}"
            figure_credit: "（写真：{credit}）"
            series_number: "{series}{number}"
            topic_number: "トピック{number}"
            translation_missing: "{language}版はありません。"
            translation_unavailable: "日本語版はありません。"
            translation_home: "日本語のトップへ"
            """);

        site.AssertFile("ja/topics/2019/a/index.html", "1 May 2019|2019年5月1日|令和元年（2019年）|約490億円|¥49 billion");
    }
}
