using System.Text.Json;
using System.Text.RegularExpressions;

namespace Generator.Tests.Integration;

// Issue 3: titles, descriptions, Open Graph and JSON-LD in every page's head.
public sealed partial class HeadTests(ListSite fixture) : IClassFixture<ListSite>
{
    private readonly TestSite site = fixture.Site;

    [Fact]
    public void Every_page_has_a_unique_title()
    {
        var titles = site.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal))
            .Select(f => (File: f, Title: TitleTag().Match(site.Read(f)).Groups[1].Value))
            .ToList();

        Assert.All(titles, t => Assert.False(string.IsNullOrWhiteSpace(t.Title), $"{t.File} has no title"));
        var duplicates = titles.GroupBy(t => t.Title).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(t => t.File)));
        Assert.Empty(duplicates);
    }

    [Fact]
    public void A_paired_topic_declares_its_translation_locale_and_cover_image()
    {
        site.AssertFile("en/topics/2022/a/index.html", """
            <meta name="description" content="Alpha summary.">
            <link rel="canonical" href="https://org.github.io/repo/en/topics/2022/a/">
            <meta property="og:locale" content="en_US">
            <meta property="og:locale:alternate" content="ja_JP">
            <meta property="og:image" content="https://org.github.io/repo/assets/images/a.svg">
            <meta property="og:image:alt" content="A well">
            <meta property="og:type" content="article">
            """);
    }

    // Issue 12: the two special pages have head metadata of their own.
    [Fact]
    public void The_language_chooser_and_the_404_page_are_described_and_the_404_page_is_not_indexed()
    {
        site.AssertFile("index.html", """
            <meta name="description" content="Short illustrated topics of the white paper, in English and Japanese: choose a language. / 白書のトピックを英語と日本語で掲載しています。言語を選んでください。">
            <link rel="canonical"
            """);
        site.AssertFile("404.html", """
            <meta name="description" content="This address has no page; links to the home page and the list of topics. / このアドレスのページはありません。
            <meta name="robots" content="noindex">
            ! rel="canonical"
            """);
    }

    [Fact]
    public void List_pages_have_a_description_in_their_language()
    {
        site.AssertFile("en/tags/water/index.html", """
            <meta name="description" content="Topics tagged “Water”: topics from Japan&#x27;s White Paper on Development Cooperation, in English and Japanese.">
            """);
        site.AssertFile("ja/topics/2022/index.html", """
            <meta name="description" content="2022年版開発協力白書：開発協力白書のトピックを日本語と英語で掲載しています。">
            """);
    }

    [Fact]
    public void A_topic_without_translation_or_cover_declares_no_alternate_locale_and_its_share_card_as_image()
    {
        // Issue 15: a topic without a cover shows its generated share card in link previews.
        site.AssertFile("en/topics/2022/b/index.html", """
            <meta property="og:locale" content="en_US">
            ! og:locale:alternate
            <meta property="og:image" content="https://org.github.io/repo/en/topics/2022/b/share-card.png">
            """);
    }

    [Fact]
    public void The_English_original_and_its_Japanese_translation_describe_each_other_in_JSON_LD()
    {
        var english = JsonLd("en/topics/2022/a/index.html");
        var article = Graph(english, "Article");
        Assert.Equal("Alpha </script> topic", article.GetProperty("headline").GetString());
        Assert.Equal("en", article.GetProperty("inLanguage").GetString());
        Assert.Equal("2022-09-20", article.GetProperty("datePublished").GetString());
        Assert.Equal("White Paper on Development Cooperation 2022", article.GetProperty("isPartOf").GetProperty("name").GetString());
        Assert.Equal("https://org.github.io/repo/en/topics/2022/", article.GetProperty("isPartOf").GetProperty("url").GetString());
        Assert.Equal("https://org.github.io/repo/ja/topics/2022/a/#article", article.GetProperty("workTranslation")[0].GetProperty("@id").GetString());
        var images = article.GetProperty("image").EnumerateArray().ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal("ImageObject", images[0].GetProperty("@type").GetString());
        Assert.Equal("A well built with Japan's support", images[0].GetProperty("caption").GetString());
        Assert.Equal("JICA", images[0].GetProperty("creditText").GetString());
        Assert.Equal("https://org.github.io/repo/assets/images/a.svg", images[0].GetProperty("contentUrl").GetString());
        var crumbs = Graph(english, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["Home", "All topics", "White Paper on Development Cooperation 2022", "Alpha </script> topic"], crumbs.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3, 4], crumbs.Select(c => c.GetProperty("position").GetInt32()));

        var japanese = Graph(JsonLd("ja/topics/2022/a/index.html"), "Article");
        Assert.Equal("ja", japanese.GetProperty("inLanguage").GetString());
        Assert.Equal("2022-09-20", japanese.GetProperty("datePublished").GetString());
        Assert.Equal("https://org.github.io/repo/en/topics/2022/a/#article", japanese.GetProperty("translationOfWork").GetProperty("@id").GetString());
    }

    [Fact]
    public void Text_in_JSON_LD_cannot_close_its_script_element()
    {
        var html = site.Read("en/topics/2022/a/index.html");
        var script = JsonScript().Match(html).Groups[1].Value;

        Assert.DoesNotContain("</script", script, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(@"\u003C/script\u003E", script, StringComparison.Ordinal);
    }

    private JsonElement JsonLd(string file)
    {
        var match = JsonScript().Match(site.Read(file));
        Assert.True(match.Success, $"{file} has no JSON-LD");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }

    private static JsonElement Graph(JsonElement root, string type)
    {
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        return root.GetProperty("@graph").EnumerateArray().Single(e => e.GetProperty("@type").GetString() == type);
    }

    [GeneratedRegex("<title>(.*?)</title>")]
    private static partial Regex TitleTag();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonScript();
}
