using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Generator.Tests.Record;

// Issue 20, point 1: every topic page carries its citation in its language (Highwire Press
// tags, Dublin Core, JSON-LD placing it in its edition), a Cite box, and BibTeX and RIS files.
public sealed class CitationTests
{
    private const string Site = """
        -- input/site.yml --
        base_url: "https://example.org/wp/"
        languages: [en, ja]
        publisher:
          name:
            en: "Ministry of Foreign Affairs of Japan"
            ja: "外務省"
        editions:
          2022:
            title:
              en: "White Paper on Development Cooperation 2022"
              ja: "2022年版開発協力白書"
            published: 2023-03-31
            isbn: 978-4-86458-123-3
            pdf:
              en: https://example.go.jp/oda/2022-en.pdf
              ja: /assets/pdf/2022-ja.pdf
        -- input/en/topics/2022/water.md --
        ---
        title: "Water & Sanitation: 100% {safe}"
        summary: Wells for villages.
        date: 2022-09-20
        changes:
          - date: 2023-04-01
            note: Figures added.
        ---
        Text.
        -- input/ja/topics/2022/water.md --
        ---
        title: 安全な水
        summary: 村の井戸。
        changes:
          - date: 2023-04-01
            note: 数値を追加。
        ---
        本文。
        -- input/en/topics/2021/roads.md --
        ---
        title: Roads
        summary: Roads for markets.
        date: 2021-05-01
        ---
        Text.
        """;

    private static Dictionary<string, string> Meta(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("meta[name]")
            .GroupBy(m => m.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(m => m.GetAttribute("content"))));
    }

    [Fact]
    public void A_topic_page_carries_the_highwire_and_dublin_core_tags_in_its_language()
    {
        using var site = TestSite.Build(Site);

        var english = Meta(site.Read("en/topics/2022/water/index.html"));
        Assert.Equal("Water & Sanitation: 100% {safe}", english["citation_title"]);
        Assert.Equal("Ministry of Foreign Affairs of Japan", english["citation_author"]);
        Assert.Equal("2022/09/20", english["citation_publication_date"]);
        Assert.Equal("en", english["citation_language"]);
        Assert.Equal("Ministry of Foreign Affairs of Japan", english["citation_technical_report_institution"]);
        Assert.Equal("White Paper on Development Cooperation 2022", english["citation_inbook_title"]);
        Assert.Equal("978-4-86458-123-3", english["citation_isbn"]);
        Assert.Equal("https://example.go.jp/oda/2022-en.pdf", english["citation_pdf_url"]);
        Assert.Equal("Water & Sanitation: 100% {safe}", english["DC.title"]);
        Assert.Equal("Ministry of Foreign Affairs of Japan", english["DC.publisher"]);
        Assert.Equal("2022-09-20", english["DC.date"]);
        Assert.Equal("en", english["DC.language"]);
        Assert.Equal("https://example.org/wp/en/topics/2022/water/", english["DC.identifier"]);

        // The translation is cited in Japanese, with the original's date it inherits.
        var japanese = Meta(site.Read("ja/topics/2022/water/index.html"));
        Assert.Equal("安全な水", japanese["citation_title"]);
        Assert.Equal("外務省", japanese["citation_author"]);
        Assert.Equal("2022/09/20", japanese["citation_publication_date"]);
        Assert.Equal("ja", japanese["citation_language"]);
        Assert.Equal("2022年版開発協力白書", japanese["citation_inbook_title"]);
        Assert.Equal("https://example.org/wp/assets/pdf/2022-ja.pdf", japanese["citation_pdf_url"]);
        Assert.Equal("外務省", japanese["DC.publisher"]);

        // Pages that are not topics are not cited.
        Assert.DoesNotContain("citation_title", Meta(site.Read("en/index.html")).Keys);
    }

    [Fact]
    public void The_json_ld_places_the_topic_in_its_edition_as_a_book()
    {
        using var site = TestSite.Build(Site);

        var html = new HtmlParser().ParseDocument(site.Read("ja/topics/2022/water/index.html"));
        using var json = JsonDocument.Parse(html.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var article = json.RootElement.GetProperty("@graph").EnumerateArray().Single(e => e.GetProperty("@type").GetString() == "Article");
        var book = article.GetProperty("isPartOf");
        Assert.Equal("Book", book.GetProperty("@type").GetString());
        Assert.Equal("2022年版開発協力白書", book.GetProperty("name").GetString());
        Assert.Equal("2022", book.GetProperty("bookEdition").GetString());
        Assert.Equal("2023-03-31", book.GetProperty("datePublished").GetString());
        Assert.Equal("978-4-86458-123-3", book.GetProperty("isbn").GetString());
        Assert.Equal("外務省", book.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("https://example.org/wp/assets/pdf/2022-ja.pdf", book.GetProperty("encoding").GetProperty("contentUrl").GetString());

        // An edition site.yml does not describe is still a book, named by the theme.
        var roads = new HtmlParser().ParseDocument(site.Read("en/topics/2021/roads/index.html"));
        using var other = JsonDocument.Parse(roads.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var part = other.RootElement.GetProperty("@graph")[0].GetProperty("isPartOf");
        Assert.Equal("White Paper on Development Cooperation 2021", part.GetProperty("name").GetString());
        Assert.False(part.TryGetProperty("isbn", out _));
    }

    [Fact]
    public void The_cite_box_is_author_date_in_english_and_in_sist_02_order_in_japanese()
    {
        using var site = TestSite.Build(Site);

        string Cite(string page) => new HtmlParser().ParseDocument(site.Read(page)).QuerySelector("#cite-text")!.TextContent;
        // Outside look (issue 20): the English box left out the publisher and the date of the
        // last change, which the files carry; the Japanese one used Western quotes and stops.
        Assert.Equal("Ministry of Foreign Affairs of Japan (2022). Water & Sanitation: 100% {safe}. In White Paper on Development Cooperation 2022. Ministry of Foreign Affairs of Japan. Last updated 1 April 2023. https://example.org/wp/en/topics/2022/water/",
            Cite("en/topics/2022/water/index.html"));
        Assert.Equal("外務省「安全な水」『2022年版開発協力白書』外務省、2022年。最終更新日：2023年4月1日。https://example.org/wp/ja/topics/2022/water/",
            Cite("ja/topics/2022/water/index.html"));
        site.AssertFile("ja/topics/2022/water/index.html", """
            <h2 id="cite-heading">このトピックの引用</h2>
            <a href="/wp/ja/topics/2022/water/cite.bib" download type="application/x-bibtex">BibTeX</a>
            <a href="/wp/ja/topics/2022/water/cite.ris" download type="application/x-research-info-systems">RIS</a>
            """);
    }

    [Fact]
    public void The_bibtex_and_ris_files_hold_the_same_citation_escaped_for_their_format()
    {
        using var site = TestSite.Build(Site);

        // The visited-on date is the day of the version cited (its last change), never the
        // build's day, so two builds of the same input on different days are identical.

        Assert.Equal("""
            @incollection{ministryofforeignaffairs2022water-en,
              title = {{Water} \& {Sanitation}: 100\% \{safe\}},
              author = {{Ministry of Foreign Affairs of Japan}},
              booktitle = {White Paper on Development Cooperation 2022},
              publisher = {Ministry of Foreign Affairs of Japan},
              year = {2022},
              date = {2022-09-20},
              isbn = {978-4-86458-123-3},
              url = {https://example.org/wp/en/topics/2022/water/},
              urldate = {2023-04-01},
              langid = {english},
              note = {Last updated: 1 April 2023},
            }

            """.ReplaceLineEndings("\n"), site.Read("en/topics/2022/water/cite.bib"));
        Assert.Equal(string.Join("\r\n",
            "TY  - CHAP", "TI  - 安全な水", "AU  - 外務省", "T2  - 2022年版開発協力白書", "PB  - 外務省", "PY  - 2022", "DA  - 2022/09/20",
            "SN  - 978-4-86458-123-3", "LA  - ja", "UR  - https://example.org/wp/ja/topics/2022/water/", "Y2  - 2023/04/01", "L1  - https://example.org/wp/assets/pdf/2022-ja.pdf",
            "N1  - 最終更新日：2023年4月1日", "ER  - ", ""),
            site.Read("ja/topics/2022/water/cite.ris"));
        // Outside look (issue 20): the Japanese key kept no publisher (外務省 has no ASCII
        // letter) and the note was English; the key takes the publisher's name in another
        // language, and the note the Japanese interface string.
        site.AssertFile("ja/topics/2022/water/cite.bib", """
            @incollection{ministryofforeignaffairs2022water-ja,
              author = {{外務省}},
              note = {最終更新日：2023年4月1日},
            """);
        Assert.False(site.Exists("en/cite.bib"));
    }

    [Fact]
    public void Editions_in_site_yml_are_checked()
    {
        using var site = TestSite.Build("""
            -- input/site.yml --
            languages: [en]
            editions:
              22:
                title: X
              2022:
                published: 2023-02-30
                isbn: 978-4-86458-123-4
                titel: Y
            -- input/en/about.md --
            ---
            title: About
            ---
            Text.
            """);

        site.AssertDiagnostic("input/site.yml(3,3): error GEN040: each edition is keyed by its year, such as 2022, got \"22\"");
        site.AssertDiagnostic("input/site.yml(6,16): error GEN012: edition 2022's published must be YYYY-MM-DD, got \"2023-02-30\"");
        site.AssertDiagnostic("input/site.yml(7,11): error GEN040: edition 2022's isbn must be an ISBN-13");
        site.AssertDiagnostic("input/site.yml(8,5): error GEN011: unknown key 'titel' in edition 2022; did you mean 'title'?");
    }
}
