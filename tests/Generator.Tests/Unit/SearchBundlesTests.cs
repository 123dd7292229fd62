using Generator.Engine;
using Generator.Search;

namespace Generator.Tests.Unit;

// Issue 18: each language's indexed pages are cut into bundles of search_bundle_pages, oldest
// first, so that each Pagefind run is bounded and a new topic changes only the newest bundle.
public sealed class SearchBundlesTests
{
    private static Document Page(string destination, string lang, string html) =>
        new Document { Destination = destination, Content = html }.With(Keys.Lang, lang);

    private static Document Topic(string name, string lang, string date) =>
        Page($"{lang}/topics/{name}/index.html", lang, $"""<html><article class="topic" data-pagefind-body data-pagefind-sort="date:{date}">{name}</article></html>""");

    [Fact]
    public void Pages_are_cut_oldest_first_into_bundles_numbered_from_one_per_language()
    {
        var pages = new[]
        {
            Topic("c", "en", "2023-01-01"), Topic("a", "en", "2021-05-01"), Topic("e", "en", "2024-02-01"),
            Topic("b", "en", "2022-03-01"), Topic("d", "en", "2023-01-01"), Topic("x", "ja", "2020-01-01"),
        };

        var bundles = SearchBundles.Plan(pages, ["en", "ja"], pagesPerBundle: 2);

        Assert.Equal(
            [
                ("en", 1, "pagefind/en/1", "en/topics/a/index.html en/topics/b/index.html"),
                ("en", 2, "pagefind/en/2", "en/topics/c/index.html en/topics/d/index.html"),
                ("en", 3, "pagefind/en/3", "en/topics/e/index.html"),
                ("ja", 1, "pagefind/ja/1", "ja/topics/x/index.html"),
            ],
            bundles.Select(b => (b.Language, b.Number, b.Folder, string.Join(" ", b.Pages))));
    }

    [Fact]
    public void Only_pages_that_mark_their_body_and_of_the_languages_asked_for_are_indexed()
    {
        var pages = new[]
        {
            Topic("kept", "en", "2022-01-01"),
            Page("en/topics/index.html", "en", "<html><ol><li>a list</li></ol></html>"),
            // A code sample that quotes the attribute is text, not a mark.
            Page("en/about/index.html", "en", "<html><pre><code>&lt;article data-pagefind-body&gt;</code></pre><p>Write data-pagefind-body here.</p></html>"),
            Page("en/topics/feed.xml", "en", """<feed><article class="topic" data-pagefind-body></article></feed>"""),
            Topic("other", "fr", "2022-01-01"),
        };

        var bundles = SearchBundles.Plan(pages, ["en"], pagesPerBundle: 100);

        Assert.Equal(["en/topics/kept/index.html"], Assert.Single(bundles).Pages);
    }

    [Fact]
    public void A_page_without_a_date_sorts_before_the_dated_ones()
    {
        var pages = new[]
        {
            Topic("dated", "en", "2022-01-01"),
            Page("en/topics/undated/index.html", "en", """<html><article data-pagefind-body>text</article></html>"""),
        };

        var bundles = SearchBundles.Plan(pages, ["en"], pagesPerBundle: 1);

        Assert.Equal(["en/topics/undated/index.html", "en/topics/dated/index.html"], bundles.Select(b => b.Pages.Single()));
    }
}
