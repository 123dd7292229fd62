namespace Generator.Tests.Incremental;

// Issue 16: a photo's derivatives are made again when its original changes in place, and
// only that photo's; every build is compared with a fresh build by RunningSite.
public sealed class PhotoRebuildTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en]
        image_widths: [16, 24]
        -- input/en/topics/2022/b.md --
        ---
        title: Topic B
        summary: About B
        date: 2022-01-02
        ---
        Text of B.

        ![A photo](/assets/images/p.png "Caption")

        ![Another photo](/assets/images/q.png "Caption")
        """;

    private static string CacheFileOf(RunningSite site, string destination) =>
        site.Result.Outputs.Values.SelectMany(d => d).Single(d => d.Destination == destination).SourceFile!;

    [Fact]
    public void A_photo_changed_in_place_gets_new_derivatives_and_the_others_keep_theirs()
    {
        var files = TestSite.Create(Site);
        Png.Write(files.Root, "input/assets/images/p.png", 10, 20);
        Png.Write(files.Root, "input/assets/images/q.png", 12, 12);
        using var site = new RunningSite(files);
        var before = CacheFileOf(site, "assets/images/p-10w.avif");
        var other = CacheFileOf(site, "assets/images/q-12w.avif");

        // The same size, other pixels: only the cache key (the bytes' hash) tells.
        using (var white = NetVips.Image.Black(10, 20) + 255)
            site.Write("input/assets/images/p.png", white.Cast(NetVips.Enums.BandFormat.Uchar).PngsaveBuffer()).Build();

        var after = CacheFileOf(site, "assets/images/p-10w.avif");
        Assert.NotEqual(before, after);
        Assert.NotEqual(File.ReadAllBytes(before), File.ReadAllBytes(after));
        Assert.Equal(other, CacheFileOf(site, "assets/images/q-12w.avif"));

        // Another size: the page's markup follows.
        site.Write("input/assets/images/p.png", Png.Of(30, 40)).Build();
        site.AssertPage("en/topics/2022/b/index.html", """
            /assets/images/p-16w.avif 16w, /assets/images/p-24w.avif 24w
            width="24" height="32"
            ! p-10w
            """);
    }
}
