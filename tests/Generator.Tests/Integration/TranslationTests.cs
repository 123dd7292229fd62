namespace Generator.Tests.Integration;

// Issue 2: pairing, the language switcher, inherited keys and missing translations.
public sealed class TranslationTests
{
    private const string Settings = """
        -- input/site.yml --
        base_url: "https://example.org/"
        default_language: en
        languages:
          - code: en
            name: English
            title: "White Paper Topics"
          - code: ja
            name: "日本語"
            title: "白書トピックス"
        -- input/taxonomy.yml --
        tags:
          human-security:
            en: "Human security"
            ja: "人間の安全保障"
          health:
            en: "Health"
            ja: "保健"

        """;

    [Fact]
    public void Japanese_page_links_to_its_English_translation()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en, ja]
            -- input/en/about.md --
            ---
            title: About
            ---
            Hello
            -- input/ja/about.md --
            ---
            title: 概要
            ---
            こんにちは
            -- theme/layouts/page.liquid --
            {{ page.title }}|{% for t in page.translations %}{{ t.url }}{% endfor %}
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
            translation_home: "日本語のトップページ"
            """);

        site.AssertFile("ja/about/index.html", """
            概要|/en/about/
            ! Hello
            """);
    }

    [Fact]
    public void Paired_topics_switch_language_and_declare_hreflang_both_ways()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/human-security.md --
            ---
            title: Human security
            summary: Protecting people.
            date: 2022-09-20
            ---
            Text.
            -- input/ja/topics/2022/human-security.md --
            ---
            title: 人間の安全保障
            summary: 人々を守る。
            ---
            本文。
            """);

        site.AssertFile("en/topics/2022/human-security/index.html", """
            <html lang="en" style="--running-head:
            <a href="/ja/topics/2022/human-security/" hreflang="ja" lang="ja">日本語</a>
            <link rel="alternate" hreflang="en" href="https://example.org/en/topics/2022/human-security/">
            <link rel="alternate" hreflang="ja" href="https://example.org/ja/topics/2022/human-security/">
            <link rel="alternate" hreflang="x-default" href="https://example.org/">
            """);
        site.AssertFile("ja/topics/2022/human-security/index.html", """
            <html lang="ja" style="--running-head:
            <a href="/en/topics/2022/human-security/" hreflang="en" lang="en">English</a>
            <link rel="alternate" hreflang="en" href="https://example.org/en/topics/2022/human-security/">
            ! translation-missing
            """);
    }

    [Fact]
    public void Translation_key_pairs_pages_at_different_paths()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/human-security.md --
            ---
            title: Human security
            summary: Protecting people.
            date: 2022-09-20
            translation_key: hs-2022
            ---
            Text.
            -- input/ja/topics/2022/ningen-no-anzen-hosho.md --
            ---
            title: 人間の安全保障
            summary: 人々を守る。
            translation_key: hs-2022
            ---
            本文。
            """);

        site.AssertFile("en/topics/2022/human-security/index.html", """
            <a href="/ja/topics/2022/ningen-no-anzen-hosho/" hreflang="ja" lang="ja">日本語</a>
            ! translation-missing
            """);
        site.AssertFile("ja/topics/2022/ningen-no-anzen-hosho/index.html", """
            <a href="/en/topics/2022/human-security/" hreflang="en" lang="en">English</a>
            """);
    }

    [Fact]
    public void Translation_inherits_language_neutral_keys_but_keeps_its_own_text()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/human-security.md --
            ---
            title: Human security
            summary: Protecting people.
            date: 2022-09-20
            series: ODA Topics
            number: 3
            tags: [human-security, health]
            ---
            Text.
            -- input/ja/topics/2022/human-security.md --
            ---
            title: 人間の安全保障
            summary: 人々を守る。
            series: ODAトピックス
            ---
            本文。
            """);

        site.AssertFile("ja/topics/2022/human-security/index.html", """
            <p class="topic-series" data-pagefind-meta="series">ODAトピックス3</p>
            <time datetime="2022-09-20" data-pagefind-meta="date">2022年9月20日</time>
            2022年版開発協力白書
            <li><a href="/ja/tags/human-security/" data-pagefind-filter="tag">人間の安全保障</a></li><li><a href="/ja/tags/health/" data-pagefind-filter="tag">保健</a></li>
            人間の安全保障</h1>
            ! Human security
            """);
        site.AssertFile("en/topics/2022/human-security/index.html", """
            <p class="topic-series" data-pagefind-meta="series">ODA Topics 3</p>
            <time datetime="2022-09-20" data-pagefind-meta="date">20 September 2022</time>
            """);
    }

    [Fact]
    public void Missing_translation_is_announced_in_both_languages_without_dead_links_or_hreflang()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/topics/2022/only-english.md --
            ---
            title: Only in English
            summary: Not translated yet.
            date: 2022-05-01
            ---
            Text.
            -- input/ja/topics/2022/only-japanese.md --
            ---
            title: 日本語のみ
            summary: まだ英訳がない。
            date: 2022-06-01
            ---
            本文。
            """);

        site.AssertFile("en/topics/2022/only-english/index.html", """
            This page is not yet available in Japanese.
            <p lang="ja">このページの日本語版はまだありません。 <a href="/ja/" hreflang="ja">日本語のトップページへ</a></p>
            <a href="/ja/" hreflang="ja" lang="ja">日本語</a>
            ! hreflang="ja" href="https://example.org/ja/topics
            ! /ja/topics/2022/only-english/
            """);
        site.AssertFile("ja/topics/2022/only-japanese/index.html", """
            このページの英語版はまだありません。
            <p lang="en">This page is not yet available in English. <a href="/en/" hreflang="en">Go to the English home page</a></p>
            ! /en/topics/2022/only-japanese/
            """);
        Assert.False(site.Exists("ja/topics/2022/only-english/index.html"));
    }

    [Fact]
    public void Two_pages_with_one_translation_key_in_a_language_are_reported_at_the_key_naming_the_other()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/a.md --
            ---
            title: A
            translation_key: same
            ---
            -- input/en/b.md --
            ---
            title: B
            translation_key: same
            ---
            """);

        site.AssertDiagnostic("input/en/b.md(3,18): error GEN018: has the same translation key 'same' as input/en/a.md(3,18) in the same language");
    }

    // Issue 13, A.21: reported at the translation_key that clashes, even when it is the
    // first file's, and naming the file whose key comes from its path.
    [Fact]
    public void A_translation_key_that_clashes_with_another_page_s_path_is_reported_at_the_key()
    {
        using var site = TestSite.Build(Settings + """
            -- input/en/a.md --
            ---
            title: A
            translation_key: b
            ---
            -- input/en/b.md --
            ---
            title: B
            ---
            """);

        site.AssertDiagnostic("input/en/a.md(3,18): error GEN018: has the same translation key 'b' as input/en/b.md (from its file name) in the same language; give one of them its own translation_key");
    }
}
