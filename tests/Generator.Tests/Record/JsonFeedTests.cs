using System.Globalization;
using System.Text.Json;

namespace Generator.Tests.Record;

// Issue 20, point 5: a JSON Feed 1.1 per language beside the Atom feed, checked against the
// specification's required fields and the types it gives the optional ones.
public sealed class JsonFeedTests
{
    private const string Site = """
        -- input/site.yml --
        base_url: "https://example.org/wp/"
        languages: [en, ja]
        publisher:
          name: { en: "Ministry of Foreign Affairs of Japan", ja: "外務省" }
        -- input/taxonomy.yml --
        tags:
          water: { en: Water, ja: 水 }
        -- input/en/topics/2022/water.md --
        ---
        title: Safe water
        summary: Wells for villages.
        date: 2022-09-20
        tags: [water]
        changes:
          - date: 2023-03-01
            note: Figures added.
        ---
        Text.
        -- input/ja/topics/2022/water.md --
        ---
        title: 安全な水
        summary: 村の井戸。
        changes:
          - date: 2023-03-01
            note: 数値を追加。
        ---
        本文。
        -- input/en/topics/2021/roads.md --
        ---
        title: Roads
        summary: Roads for markets.
        date: 2021-05-01
        image: https://cdn.example.net/roads.jpg
        ---
        Text.
        """;

    /// The rules of https://www.jsonfeed.org/version/1.1/ that a feed can break: what is required, and each field's type.
    private static void AssertValidJsonFeed(JsonElement feed)
    {
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.String, feed.GetProperty("title").ValueKind);
        foreach (var url in new[] { "home_page_url", "feed_url", "icon" })
            if (feed.TryGetProperty(url, out var value))
                Assert.True(Uri.TryCreate(value.GetString(), UriKind.Absolute, out _), $"{url} is not an absolute URL");
        if (feed.TryGetProperty("authors", out var authors))
            Assert.All(authors.EnumerateArray(), a => Assert.True(a.TryGetProperty("name", out _) || a.TryGetProperty("url", out _)));
        var items = feed.GetProperty("items");
        Assert.Equal(JsonValueKind.Array, items.ValueKind);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.EnumerateArray())
        {
            Assert.True(ids.Add(item.GetProperty("id").GetString()!), "ids must be unique");
            Assert.True(item.TryGetProperty("content_text", out _) || item.TryGetProperty("content_html", out _), "an item needs content_html or content_text");
            foreach (var date in new[] { "date_published", "date_modified" })
                if (item.TryGetProperty(date, out var value))
                    Assert.True(DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{date} is not RFC 3339");
            if (item.TryGetProperty("image", out var image))
                Assert.True(Uri.TryCreate(image.GetString(), UriKind.Absolute, out _), "an item's image is not an absolute URL");
            if (item.TryGetProperty("tags", out var tags))
                Assert.All(tags.EnumerateArray(), t => Assert.Equal(JsonValueKind.String, t.ValueKind));
        }
    }

    [Fact]
    public void Each_language_has_a_valid_json_feed_beside_its_atom_feed()
    {
        using var site = TestSite.Build(Site);

        foreach (var lang in new[] { "en", "ja" })
        {
            using var json = JsonDocument.Parse(site.Read($"{lang}/feed.json"));
            AssertValidJsonFeed(json.RootElement);
            Assert.Equal(lang, json.RootElement.GetProperty("language").GetString());
            Assert.Equal($"https://example.org/wp/{lang}/feed.json", json.RootElement.GetProperty("feed_url").GetString());
        }

        using var english = JsonDocument.Parse(site.Read("en/feed.json"));
        Assert.Equal("Ministry of Foreign Affairs of Japan", english.RootElement.GetProperty("authors")[0].GetProperty("name").GetString());
        var items = english.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Safe water", "Roads"], items.Select(i => i.GetProperty("title").GetString()));
        var water = items[0];
        Assert.Equal("https://example.org/wp/en/topics/2022/water/", water.GetProperty("id").GetString());
        Assert.Equal("2022-09-20T00:00:00Z", water.GetProperty("date_published").GetString());
        Assert.Equal("2023-03-01T00:00:00Z", water.GetProperty("date_modified").GetString());
        Assert.Equal("Wells for villages.\n\nUpdated 1 March 2023: Figures added.", water.GetProperty("content_text").GetString());
        Assert.Equal(["Water"], water.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Roads for markets.", items[1].GetProperty("content_text").GetString());
        // Outside look (issue 20): an item had no image; it is the page's cover, as og:image.
        Assert.Equal("https://cdn.example.net/roads.jpg", items[1].GetProperty("image").GetString());
        Assert.False(water.TryGetProperty("image", out _));

        using var japanese = JsonDocument.Parse(site.Read("ja/feed.json"));
        Assert.Equal(["水"], japanese.RootElement.GetProperty("items")[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        site.AssertFile("en/index.html", """<link rel="alternate" type="application/feed+json" title="White Paper Topics" href="/wp/en/feed.json">""");
    }
}
