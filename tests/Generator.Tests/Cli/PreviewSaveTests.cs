namespace Generator.Tests.Cli;

// Issue 14, outside look: an editor's tool that saves a large photo in several chunks had
// the real `preview` report GEN103 (truncated) for the half-written file, an error that went
// away on the next save. A photo that stays cut short is still reported.
public sealed class PreviewSaveTests
{
    private const string Photo = "input/assets/images/p.png";

    [Fact]
    public async Task A_photo_written_in_chunks_with_pauses_is_not_reported_as_truncated()
    {
        var (site, bytes) = SiteWithPhoto();
        using var _ = site;

        var (_, process) = await CliProcess.PreviewAsync(site, ["--port", "0"], "en/photo/", edit: () =>
        {
            using var file = new FileStream(Path.Combine(site.Root, Photo), FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            for (var start = 0; start < bytes.Length; start += bytes.Length / 4 + 1)
            {
                file.Write(bytes, start, Math.Min(bytes.Length / 4 + 1, bytes.Length - start));
                file.Flush();
                Thread.Sleep(100); // the tool's pause between chunks, longer than the watcher's quiet time
            }
        }, printed: "rebuilt in", afterEdit: async http =>
        {
            await Task.Delay(1500); // every save event of the burst is built by now
            TestSite.AssertText(await http.GetStringAsync("en/photo/"), "width=\"300\" height=\"200\"", "the page after the photo was saved");
        });

        Assert.DoesNotContain("GEN103", process.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("rebuild failed", process.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, process.Code);
    }

    [Fact]
    public async Task A_photo_that_stays_truncated_is_still_reported()
    {
        var (site, bytes) = SiteWithPhoto();
        using var _ = site;

        var (_, process) = await CliProcess.PreviewAsync(site, ["--port", "0"], "en/photo/",
            edit: () => File.WriteAllBytes(Path.Combine(site.Root, Photo), bytes[..(bytes.Length * 3 / 4)]), printed: "rebuild failed");

        TestSite.AssertText(process.Stdout, """
            input/en/photo.md(4,1): error GEN103: the photo assets/images/p.png is damaged or truncated
            rebuild failed with 1 error(s)
            """, "stdout after the cut photo was saved");
    }

    /// The small site with a page showing a 300 × 200 PNG (a 64 × 48 one at first), and the bytes of the larger one.
    private static (TestSite Site, byte[] Bytes) SiteWithPhoto()
    {
        var site = TestSite.Create(CliSites.Small);
        var file = Path.Combine(site.Root, Photo);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var large = Integration.TestPhotos.Noise(300, 200))
            large.WriteToFile(file);
        var bytes = File.ReadAllBytes(file);
        using (var small = Integration.TestPhotos.Noise(64, 48))
            small.WriteToFile(file);
        CliSites.Write(site, "input/en/photo.md", "---\ntitle: Photo\n---\n![A photo](/assets/images/p.png \"Caption\")\n");
        return (site, bytes);
    }
}
