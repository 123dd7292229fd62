using System.Buffers.Binary;
using System.IO.Hashing;
using Generator.Tests.Integration;

namespace Generator.Tests.Cli;

// Issue 16: libvips printed its own lines on stderr for a damaged photo
// ("(process:8121): VIPS-WARNING **: 06:04:08.693: not enough data"). Its log is ours now:
// what it says about the file is in our diagnostic at the Markdown image, and nothing raw
// reaches the terminal. Run as a user runs it, since the raw lines went to the process's stderr.
public sealed class DamagedPhotoProcessTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en]
        image_widths: [100, 200]
        -- input/en/topics/2022/photos.md --
        ---
        title: Photos
        summary: S
        date: 2022-01-01
        ---
        Some text.

        ![A damaged photo](/assets/images/2022/{name})
        """;

    /// A PNG cut in its pixel data and closed with an IEND chunk, so it ends as a whole file
    /// does and only decoding finds the damage; a JPEG cut in half; a JPEG cut in half and
    /// closed with an end marker (FFD9), which libjpeg decodes with only a warning.
    private static void WriteDamaged(TestSite site, string name)
    {
        var whole = Path.Combine(site.Root, "whole" + Path.GetExtension(name));
        using (var image = TestPhotos.Noise(300, 200))
            image.WriteToFile(whole);
        var bytes = File.ReadAllBytes(whole);
        File.Delete(whole);
        var cut = bytes[..(bytes.Length / 2)];
        if (name.EndsWith(".png", StringComparison.Ordinal))
        {
            var end = new byte[12];
            "IEND"u8.CopyTo(end.AsSpan(4));
            BinaryPrimitives.WriteUInt32BigEndian(end.AsSpan(8), Crc32.HashToUInt32("IEND"u8));
            cut = [.. cut, .. end];
        }
        else if (name.Contains("closed", StringComparison.Ordinal))
        {
            cut = [.. cut, 0xFF, 0xD9];
        }

        File.WriteAllBytes(Path.Combine(site.Root, "input/assets/images/2022", name), cut);
    }

    [Theory]
    [InlineData("cut.png", "not enough data")]
    [InlineData("cut.jpg", "the file ends before its image data does")]
    [InlineData("cut-closed.jpg", "Corrupt JPEG data: premature end of data segment")]
    public void A_damaged_photo_is_our_diagnostic_and_nothing_of_libvips_reaches_stderr(string name, string reason)
    {
        using var site = TestSite.Create(Site.Replace("{name}", name, StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(site.Root, "input/assets/images/2022"));
        WriteDamaged(site, name);

        var outcome = CliProcess.Run(site, ["build", "--no-search"]);

        Assert.True(outcome.Code == 1, outcome.ToString());
        Assert.DoesNotContain("VIPS", outcome.All, StringComparison.Ordinal); // VIPS-WARNING, VIPS-CRITICAL
        Assert.DoesNotContain("GLib", outcome.All, StringComparison.Ordinal);
        Assert.True(outcome.Stderr.Trim().Length == 0 || !outcome.Stderr.Contains("**", StringComparison.Ordinal), outcome.ToString());
        TestSite.AssertText(outcome.All, $"""
            input/en/topics/2022/photos.md(8,1): error GEN103: the photo assets/images/2022/{name} is damaged or truncated
            {reason}
            """, "output");
    }
}
