using Generator.Engine;
using Generator.Photos;
using Generator.Tests.Integration;

namespace Generator.Tests.Unit;

// Issue 16: a warm build takes an unchanged original's hash and header from its stamp
// instead of reading and hashing the file; any change of the file, in place and of the same
// size included, is seen.
public sealed class OriginalStampsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("stamps-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// A clock an hour ahead: every file the test wrote has settled.
    private sealed class Later : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddHours(1);
    }

    private string Cache => Path.Combine(folder, "cache");

    private string Photo(string name, int orientation = 1)
    {
        TestPhotos.Jpeg(folder, name, 60, 40, orientation: orientation);
        return Path.Combine(folder, name);
    }

    private string Record() => Directory.EnumerateFiles(Path.Combine(Cache, "originals"), "*", SearchOption.AllDirectories).Single();

    [Fact]
    public void An_unchanged_original_is_known_from_its_stamp_without_reading_it()
    {
        var file = Photo("a.jpg");
        var first = new OriginalStamps(Cache, new Later()).Read(file, 100_000_000);
        Assert.Equal(OriginalStamps.HashOf(file), first.Hash);
        Assert.Equal((60, 40), (first.Header!.Width, first.Header.Height));

        // Had the second build read the file, it would have found the real hash.
        File.WriteAllText(Record(), File.ReadAllText(Record()).Replace(first.Hash!, new string('f', 64), StringComparison.Ordinal));
        var second = new OriginalStamps(Cache, new Later()).Read(file, 100_000_000);

        Assert.Equal(new string('f', 64), second.Hash);
        Assert.Equal(first.Header, second.Header);
    }

    [Fact]
    public void An_original_rewritten_in_place_with_the_same_size_and_mtime_is_read_again()
    {
        var file = Photo("a.jpg", orientation: 2);
        var replacement = File.ReadAllBytes(Photo("b.jpg", orientation: 4));
        var mtime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, mtime);
        var stamps = new OriginalStamps(Cache, new Later());
        var first = stamps.Read(file, 100_000_000);
        var before = FileStamp.Of(file)!.Value;
        Assert.Single(Directory.EnumerateFiles(Path.Combine(Cache, "originals"), "*", SearchOption.AllDirectories)); // remembered

        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
            stream.Write(replacement);
        File.SetLastWriteTimeUtc(file, mtime);
        var after = FileStamp.Of(file)!.Value;
        Assert.Equal((before.Device, before.Inode, before.Size, before.ModifiedNs), (after.Device, after.Inode, after.Size, after.ModifiedNs));

        var second = new OriginalStamps(Cache, new Later()).Read(file, 100_000_000);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(OriginalStamps.HashOf(file), second.Hash);
    }

    [Fact]
    public void A_file_changed_just_before_the_build_is_not_remembered()
    {
        // The real clock: the photo was written a moment ago, within one tick of a change
        // the stamp could not tell apart.
        var file = Photo("a.jpg");
        var read = new OriginalStamps(Cache).Read(file, 100_000_000);

        Assert.NotNull(read.Hash);
        Assert.False(Directory.Exists(Path.Combine(Cache, "originals")));
    }

    [Fact]
    public void A_stamped_photo_is_still_refused_when_the_limit_is_lowered()
    {
        var file = Photo("a.jpg");
        new OriginalStamps(Cache, new Later()).Read(file, 100_000_000);

        var read = new OriginalStamps(Cache, new Later()).Read(file, 1_000);

        Assert.Equal(DiagnosticCodes.PhotoTooLarge, read.Problem?.Code);
        Assert.Null(read.Header);
    }

    [Fact]
    public void A_file_stamp_is_what_the_file_system_says()
    {
        var a = Photo("a.jpg");
        var b = Photo("b.jpg");
        var stamp = FileStamp.Of(a)!.Value;

        Assert.Equal(new FileInfo(a).Length, stamp.Size);
        Assert.Equal((File.GetLastWriteTimeUtc(a) - DateTime.UnixEpoch).Ticks, stamp.ModifiedNs / 100);
        Assert.NotEqual(stamp.Inode, FileStamp.Of(b)!.Value.Inode);
        Assert.Equal(stamp.Device, FileStamp.Of(b)!.Value.Device);
        Assert.Null(FileStamp.Of(Path.Combine(folder, "missing.jpg")));
    }
}
