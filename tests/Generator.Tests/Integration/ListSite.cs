namespace Generator.Tests.Integration;

/// Issue 3: one mini-site with every page type, built once for the list, feed, sitemap and
/// head tests. Page size 2; "jaonly" exists only in Japanese; a.md is the only pair.
public sealed class ListSite : IDisposable
{
    public ListSite() => Site = TestSite.Build(Files, baseUrl: "https://org.github.io/repo/");

    public TestSite Site { get; }

    public void Dispose() => Site.Dispose();

    private const string Files = """
        -- input/site.yml --
        base_url: "https://example.org/"
        paginate: 2
        languages:
          - code: en
            name: English
            title: "White Paper Topics"
          - code: ja
            name: "日本語"
            title: "白書トピックス"
        -- input/taxonomy.yml --
        tags:
          health:
            en: "Health"
            ja: "保健"
          water:
            en: "Water"
            ja: "水"
          unused:
            en: "Unused"
            ja: "未使用"
        -- input/en/index.md --
        ---
        title: "White Paper Topics"
        summary: "Topics in English."
        ---
        Welcome.
        -- input/ja/index.md --
        ---
        title: "白書トピックス"
        summary: "日本語のトピック。"
        ---
        ようこそ。
        -- input/en/about.md --
        ---
        title: About
        summary: "About the site."
        ---
        A plain page.
        -- input/en/topics/2022/a.md --
        ---
        title: "Alpha </script> topic"
        summary: "Alpha summary."
        date: 2022-09-20
        series: "ODA Topics"
        number: 1
        tags: [health, water]
        image: /assets/images/a.svg
        images:
          - src: /assets/images/a.svg
            alt: "A well"
            caption: "A well built with Japan's support"
            credit: "JICA"
        ---
        ## First

        Text.[^1]

        ## Second

        | a | b |
        |---|---|
        | 1 | 2 |

        ## Third

        ![A pump](/assets/images/a.svg "A pump in use")

        [^1]: A footnote.
        -- input/ja/topics/2022/a.md --
        ---
        title: "アルファ"
        summary: "アルファの概要。"
        ---
        本文。
        -- input/en/topics/2022/b.md --
        ---
        title: "Bravo"
        summary: "Bravo summary."
        date: 2022-05-01
        number: 2
        tags: [health]
        ---
        Text.
        -- input/en/topics/2022/c.md --
        ---
        title: "Charlie"
        summary: "Charlie summary."
        date: 2022-06-01
        number: 3
        tags: [water]
        ---
        Text.
        -- input/ja/topics/2022/jaonly.md --
        ---
        title: "日本語だけ"
        summary: "日本語版しかない。"
        date: 2022-12-01
        number: 4
        tags: [water]
        ---
        本文。
        -- input/en/topics/2021/old.md --
        ---
        title: "Oscar"
        summary: "Oscar summary."
        date: 2021-03-01
        number: 1
        tags: [health]
        ---
        Text.
        -- input/assets/images/a.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360"/></svg>
        """;
}
