namespace Generator.BrowserTests;

/// The larger inline fixture: several topics, a plain page, and pages with and without
/// a translation in either direction, built with the repository's theme.
public static class FixtureSite
{
    public const string Files = """
        -- input/site.yml --
        base_url: "https://example.org/white-papers/"
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
          water:
            en: "Water"
            ja: "水"
          health:
            en: "Health"
            ja: "保健"
        -- input/assets/images/2021/well.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80"><rect width="120" height="80" fill="#ddd"/></svg>
        -- input/en/index.md --
        ---
        title: "White Paper Topics"
        summary: "Topics from the white paper."
        ---
        Topics in English and Japanese.
        -- input/ja/index.md --
        ---
        title: "白書トピックス"
        summary: "白書のトピックス。"
        ---
        英語と日本語のトピックス。
        -- input/en/about.md --
        ---
        title: "About this site"
        ---
        This site publishes [the water topic](/en/topics/2021/clean-water/) and others.
        -- input/ja/about.md --
        ---
        title: "このサイトについて"
        ---
        このサイトは[水のトピック](/ja/topics/2021/clean-water/)などを掲載しています。
        -- input/en/topics/2021/clean-water.md --
        ---
        title: "Clean Water for Rural Villages"
        summary: "Wells built with Japan's support bring safe water to villages."
        date: 2021-06-01
        aliases: [/en/topics/2020/wells/]
        series: "ODA Topics"
        number: 1
        tags: [water, health]
        images:
          - src: /assets/images/2021/well.svg
            alt: "People drawing water from a new well"
            caption: "A well built with Japan's support"
            credit: "JICA"
        ---
        ## Background

        Safe water is the first step to health. See [the outlook](#outlook).

        ![Children carrying water containers](/assets/images/2021/well.svg "Children no longer walk hours for water"){credit="JICA"}

        ![Rice fields in the valley](/assets/images/2021/field.jpg "Rice fields watered by the new canal"){credit="JICA"}

        ## Outlook

        Japan will keep supporting [health in villages](../../2022/village-health/).
        -- input/ja/topics/2021/clean-water.md --
        ---
        title: "農村に安全な水を"
        summary: "日本の支援で建設された井戸が村々に安全な水を届けている。"
        aliases: [/ja/topics/2020/wells/]
        series: "ODAトピックス"
        images:
          - src: /assets/images/2021/well.svg
            alt: "新しい井戸で水をくむ人々"
            caption: "日本の支援で建設された井戸"
            credit: "JICA"
        ---
        ## 背景

        安全な水は健康への第一歩である。

        ![谷の水田](/assets/images/2021/field.jpg "新しい用水路で潤う水田"){credit="JICA"}

        ## 今後の展望

        日本は引き続き支援していく。
        -- input/en/topics/2022/village-health.md --
        ---
        title: "Health Posts in Every Village"
        summary: "Community health workers reach mothers and children."
        date: 2022-03-15
        tags: [health]
        ---
        Community health workers visit every household once a month.

        What a health post does (a task list, strikethrough and a bare link, issue 13):

        - [x] Weigh every newborn
        - [ ] ~~Visit by car~~ Reach remote houses on foot

        Guidance at https://www.who.int/.

        This topic has no Japanese translation yet.
        -- input/ja/topics/2022/japanese-only.md --
        ---
        title: "日本語のみのトピック"
        summary: "英語版のないトピック。"
        date: 2022-04-01
        ---
        このトピックには英語版がない。
        """;

    /// A real photo (issue 16), so every gate sees a &lt;picture&gt; with its derivatives: a
    /// 1600 × 1067 JPEG of smooth colour, quick to encode.
    public static void WritePhotos(string root)
    {
        var file = Path.Combine(root, "input/assets/images/2021/field.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var xy = NetVips.Image.Xyz(1600, 1067);
        using var image = (xy[0] * (255.0 / 1600)).Bandjoin(xy[1] * (255.0 / 1067), xy[0] * 0 + 96)
            .Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        image.Jpegsave(file, q: 90);
    }
}
