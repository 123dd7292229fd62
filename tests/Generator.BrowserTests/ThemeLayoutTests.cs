using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Generator.BrowserTests;

// Issue 15: what a reader of a ministry's site notices first, measured in Chromium at a
// phone's and a desktop's width, in both languages: a compact header, one left edge for all
// chrome, the text on the first screen, no placeholder box, Japanese text set to the
// measure, a print of at most two A4 pages, and the site's header on the 404 page.
[Collection(SitesCollection.Name)]
public sealed class ThemeLayoutTests(Sites sites)
{
    public static TheoryData<string, int> Widths() => new() { { "en", 1280 }, { "ja", 1280 }, { "en", 375 }, { "ja", 375 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_header_is_one_row_at_desktop_width_and_at_most_120_px_on_a_phone(string lang, int width)
    {
        foreach (var path in new[] { $"/{lang}/", $"/{lang}/topics/2022/human-security/", $"/{lang}/topics/" })
        {
            var page = await OpenAsync(path, width);
            var header = await BoxAsync(page, ".site-header");
            if (width >= 1280)
            {
                // One row: the mark, the navigation, the language switch and the search box share it.
                Assert.True(header.Height <= 90, $"{path} at {width}px: the header is {header.Height}px high (one row is at most 90)");
                var rows = await page.EvaluateAsync<double[]>("""
                    () => ['.site-title', '.site-nav', '.language-switcher', '.header-search']
                        .map(s => document.querySelector(s)).filter(e => e)
                        .map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })
                    """);
                Assert.True(rows.Max() - rows.Min() < 12, $"{path} at {width}px: header parts are on different rows (centres {string.Join(", ", rows)})");
            }
            else
            {
                Assert.True(header.Height <= 120, $"{path} at {width}px: the header is {header.Height}px high (at most 120 on a phone)");
            }

            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_without_javascript()
    {
        var context = await sites.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(sites.SampleServer.Url("/ja/topics/2022/human-security/").ToString());

        Assert.False(await page.Locator(".site-nav a").First.IsVisibleAsync(), "the phone menu should start closed");
        await page.Locator(".site-menu > summary").ClickAsync();
        Assert.True(await page.Locator(".site-nav a[href='/ja/topics/']").IsVisibleAsync(), "the opened menu does not show the navigation");
        await context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Breadcrumbs_main_and_footer_share_their_left_edge(string lang, int width)
    {
        foreach (var path in new[] { $"/{lang}/topics/2022/human-security/", $"/{lang}/topics/2022/", $"/{lang}/legal/privacy/" })
        {
            var page = await OpenAsync(path, width);
            var edges = await page.EvaluateAsync<double[]>("""
                () => ['.site-header-inner', '.breadcrumbs', 'main', '.site-footer'].map(s => {
                    const e = document.querySelector(s);
                    return e.getBoundingClientRect().left + parseFloat(getComputedStyle(e).paddingLeft);
                })
                """);
            Assert.True(edges.Max() - edges.Min() < 1, $"{path} at {width}px: left edges of header, breadcrumbs, main and footer differ: {string.Join(", ", edges)}");
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Breadcrumbs_take_one_line_and_do_not_link_the_current_page(string lang, int width)
    {
        var page = await OpenAsync($"/{lang}/topics/2022/human-security/", width);

        var crumbs = await BoxAsync(page, ".breadcrumbs ol");
        var lineHeight = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.breadcrumbs a')).lineHeight) || 24");
        if (width < 1280)
            Assert.True(crumbs.Height < 2 * lineHeight + 8, $"{lang} at {width}px: breadcrumbs are {crumbs.Height}px high, more than one line");
        Assert.Equal(0, await page.Locator(".breadcrumbs a[aria-current]").CountAsync());
        Assert.Equal(1, await page.Locator(".breadcrumbs [aria-current='page']").CountAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", 1280, 800)]
    [InlineData("ja", 1280, 800)]
    [InlineData("en", 375, 812)]
    [InlineData("ja", 375, 812)]
    public async Task The_first_paragraph_of_a_topic_starts_on_the_first_screen(string lang, int width, int height)
    {
        var page = await OpenAsync($"/{lang}/topics/2022/human-security/", width, height);

        var top = await page.EvaluateAsync<double>("""
            () => {
                const p = document.querySelector('.topic-body > p');
                const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
                return p.getBoundingClientRect().top + 2 * lineHeight;
            }
            """);
        Assert.True(top <= height, $"{lang} at {width}x{height}: the first two lines of the text end at {top}px, below the first screen");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "The photo is not shown on this site.")]
    [InlineData("ja", "写真は本サイトには掲載していません。")]
    public async Task No_page_shows_a_placeholder_box_only_captions_with_a_notice_in_its_language(string lang, string notice)
    {
        var page = await OpenAsync($"/{lang}/topics/2022/human-security/", 1280);

        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Equal(2, await page.Locator(".figure-placeholder").CountAsync());
        Assert.Equal([notice, notice], await page.Locator(".figure-placeholder .figure-notice").AllTextContentsAsync());
        var jsonLd = await page.Locator("script[type='application/ld+json']").TextContentAsync();
        Assert.DoesNotContain("ImageObject\",\"contentUrl", jsonLd, StringComparison.Ordinal);
        // The link preview is the topic's share card (issue 15), never a placeholder photo.
        Assert.EndsWith($"/{lang}/topics/2022/human-security/share-card.png",
            await page.Locator("meta[property='og:image']").GetAttributeAsync("content"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Japanese_body_lines_fill_the_measure(int width)
    {
        var page = await OpenAsync("/ja/topics/2022/human-security/", width);

        // Per paragraph of three lines or more: the average width of its lines but the last,
        // as a share of the paragraph's width. Lines are told apart by their vertical centre.
        var fills = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll('.topic-body > p')].map(p => {
                const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
                const box = p.getBoundingClientRect();
                const lines = new Map();
                const range = document.createRange();
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    for (let i = 0; i < node.length; i++) {
                        range.setStart(node, i);
                        range.setEnd(node, i + 1);
                        for (const r of range.getClientRects()) {
                            if (r.width === 0) continue;
                            const line = Math.floor((r.top + r.height / 2 - box.top) / lineHeight);
                            const [left, right] = lines.get(line) ?? [Infinity, -Infinity];
                            lines.set(line, [Math.min(left, r.left), Math.max(right, r.right)]);
                        }
                    }
                }
                const widths = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, [l, r]]) => r - l);
                if (widths.length < 3) return 1;
                const full = widths.slice(0, -1);
                return full.reduce((a, b) => a + b, 0) / full.length / p.clientWidth;
            })
            """);
        Assert.NotEmpty(fills);
        Assert.True(fills.All(f => f >= 0.95), $"at {width}px, Japanese paragraphs fill {string.Join(", ", fills.Select(f => f.ToString("P0")))} of the measure (at least 95%)");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "White Paper Topics project", "White Paper Topics project | White Paper on Development Cooperation 2022")]
    [InlineData("ja", "白書トピックス・プロジェクト", "白書トピックス・プロジェクト｜2022年版開発協力白書")]
    public async Task The_sample_topic_prints_on_at_most_two_A4_pages_with_its_publisher(string lang, string publisher, string runningHead)
    {
        var page = await OpenAsync($"/{lang}/topics/2022/human-security/", 1280);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages <= 2, $"{lang}: the topic prints on {document.NumberOfPages} A4 pages (at most 2)");
        // Page numbers are in the bottom margin. The publisher is checked on the printed page's
        // DOM: PdfPig reads some CJK glyphs as Kangxi radicals (⽩ for 白), and this test
        // project runs with invariant globalization, which cannot fold them back.
        var text = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains($"1/{document.NumberOfPages}", text, StringComparison.Ordinal);
        // Every page has the running head (publisher and edition) in its top margin and its
        // number in the bottom margin (@page margin boxes): read on the last page, where the
        // site's header is not (issue 15).
        var last = document.GetPage(document.NumberOfPages);
        Assert.True(document.NumberOfPages == 2, $"{lang}: the sample topic should need its second page for this check; it prints on {document.NumberOfPages}");
        var head = string.Concat(last.Letters.Where(l => l.BoundingBox.Bottom > last.Height - 16 / 25.4 * 72).Select(l => l.Value));
        var foot = string.Concat(last.Letters.Where(l => l.BoundingBox.Top < 18 / 25.4 * 72).Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(runningHead, lang == "en" ? head : head.Replace("⽩", "白", StringComparison.Ordinal).Replace("⼒", "力", StringComparison.Ordinal).Replace("‧", "・", StringComparison.Ordinal));
        Assert.Equal("2/2", foot);
        Assert.True(await page.Locator(".site-header .site-publisher").IsVisibleAsync(), $"{lang}: the printed header does not name the publisher");
        Assert.Equal(publisher, await page.Locator(".site-header .site-publisher").TextContentAsync());
        Assert.True(await page.Locator(".site-footer .copyright").IsVisibleAsync(), $"{lang}: the printed page has no copyright line");
        Assert.False(await page.Locator(".site-footer .legal-links").IsVisibleAsync(), $"{lang}: links to legal pages are of no use on paper");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/no-such-page/")]
    [InlineData("/")]
    public async Task The_404_page_and_the_root_chooser_carry_the_sites_header_and_footer(string path)
    {
        var page = await sites.NewPageAsync(375, 812);
        var visit = await PageVisit.OpenAsync(page, sites.SampleServer.Url(path), expectedStatus: path == "/" ? 200 : 404);

        Assert.True(visit.Problems.Count == 0, string.Join("\n", visit.Problems));
        Assert.True(await page.Locator(".site-header .site-title").IsVisibleAsync(), $"{path}: no site header");
        Assert.True(await page.Locator(".site-footer .publisher-name").IsVisibleAsync(), $"{path}: no footer naming the publisher");
        Assert.Equal(4, await page.Locator(".site-footer .legal-links a").CountAsync());
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(string path, int width, int height = 800)
    {
        var page = await sites.NewPageAsync(width, height);
        await page.GotoAsync(sites.SampleServer.Url(path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("() => document.fonts.ready");
        return page;
    }

    private static async Task<(double Top, double Height)> BoxAsync(IPage page, string selector)
    {
        var box = await page.Locator(selector).First.BoundingBoxAsync();
        Assert.True(box is not null, $"{page.Url}: no visible {selector}");
        return (box!.Y, box.Height);
    }
}
