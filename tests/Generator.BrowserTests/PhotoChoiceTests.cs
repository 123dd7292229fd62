using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetVips;

namespace Generator.BrowserTests;

// Issue 16: the layout's sizes match the theme's CSS, so at a phone's and a desktop's width
// (device pixel ratio 2) Chromium picks, for each photo, the smallest candidate that is not
// below the photo's displayed width × 2.
public sealed partial class PhotoChoiceTests : IAsyncLifetime
{
    private const string Files = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/topics/2022/photos.md --
        ---
        title: Photos
        summary: Photos of three shapes
        date: 2022-01-01
        images:
          - src: /assets/images/2022/landscape.jpg
            alt: A landscape photo
            caption: Landscape
          - src: /assets/images/2022/portrait.jpg
            alt: A portrait photo
            caption: Portrait
        ---
        The lead paragraph.

        ![A panorama](/assets/images/2022/panorama.png "Panorama")
        -- input/ja/topics/2022/photos.md --
        ---
        title: 写真
        summary: 三つの形の写真
        images:
          - src: /assets/images/2022/landscape.jpg
            alt: 横長の写真
            caption: 横長
        ---
        本文。

        ![パノラマ](/assets/images/2022/panorama.png "パノラマ")
        """;

    private readonly string temp = Directory.CreateTempSubdirectory("generator-photos-").FullName;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private SiteServer? server;

    public async Task InitializeAsync()
    {
        Photo("landscape.jpg", 2400, 1600);
        Photo("portrait.jpg", 1200, 1800);
        Photo("panorama.png", 3000, 1000);
        var site = await BuiltSite.BuildInlineAsync(Files, temp);
        server = await SiteServer.StartAsync(site.Output, site.BasePath);
        (playwright, browser) = await Sites.LaunchAsync();
    }

    private void Photo(string name, int width, int height)
    {
        var file = Path.Combine(temp, "input/assets/images/2022", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // A smooth gradient: quick to encode, and every width is a different file.
        using var x = Image.Xyz(width, height);
        using var image = (x[0] * (255.0 / width)).Bandjoin(x[1] * (255.0 / height), x[0] * 0 + 128).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        image.WriteToFile(file);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();
        playwright?.Dispose();
        if (server is not null)
            await server.DisposeAsync();
        Directory.Delete(temp, recursive: true);
    }

    [Theory]
    [InlineData("/en/topics/2022/photos/", 375, 812)]
    [InlineData("/en/topics/2022/photos/", 1280, 800)]
    [InlineData("/ja/topics/2022/photos/", 375, 812)]
    [InlineData("/ja/topics/2022/photos/", 1280, 800)]
    public async Task Chromium_picks_the_smallest_candidate_not_below_twice_the_displayed_width(string path, int width, int height)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 2,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server!.Url(path).ToString());
        var images = page.Locator(".figure img");
        var count = await images.CountAsync();
        Assert.True(count >= 2, $"{path} shows {count} photos");
        var problems = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var image = images.Nth(i);
            await image.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("i => i.complete && i.currentSrc !== ''", await image.ElementHandleAsync());
            var chosen = await image.EvaluateAsync<string>("i => i.currentSrc");
            var displayed = await image.EvaluateAsync<double>("i => i.getBoundingClientRect().width - 2"); // its 1px border a side
            // The candidates of the format Chromium took (AVIF: the first <source>).
            var type = Path.GetExtension(new Uri(chosen).AbsolutePath) switch { ".avif" => "image/avif", ".webp" => "image/webp", _ => null };
            var srcset = type is null
                ? await image.GetAttributeAsync("srcset")
                : await image.EvaluateAsync<string>($"i => i.parentElement.querySelector('source[type=\"{type}\"]').srcset");
            var candidates = Candidate().Matches(srcset!).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            var needed = displayed * 2;
            var expected = candidates.Where(c => c >= needed - 1).DefaultIfEmpty(candidates[^1]).Min();
            var got = int.Parse(WidthOf().Match(chosen).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (got != expected)
                problems.Add($"photo {i + 1}: shown {displayed:0.#} px wide, so {needed:0.#} px needed at DPR 2; candidates {string.Join(", ", candidates)}; expected {expected}w, Chromium took {chosen}");
        }

        await context.CloseAsync();
        Assert.True(problems.Count == 0, $"{path} at {width} px:\n" + string.Join("\n", problems));
    }

    [GeneratedRegex(@"-(\d+)w\.[a-z]+ \d+w")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"-(\d+)w\.[a-z]+$")]
    private static partial Regex WidthOf();
}
