using Generator.Engine;
using Generator.Photos;

namespace Generator.Tests.Integration;

// Issue 18: the files a build writes are kept in the cache by content, and a later build links
// each file it would write the same instead of creating it again; a damaged entry is never published.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WrittenFilesTests
{
    private const string Site = """
        -- input/site.yml --
        languages: [en, ja]
        -- input/en/topics/2022/a.md --
        ---
        title: Water for schools
        summary: Wells for schools.
        date: 2022-05-01
        ---
        Wells were dug.
        -- input/en/topics/2022/b.md --
        ---
        title: Roads to markets
        summary: Roads for farmers.
        date: 2022-06-01
        ---
        Roads were paved.
        -- input/ja/topics/2022/a.md --
        ---
        title: 学校の水
        summary: 学校の井戸。
        ---
        井戸が掘られた。
        -- input/assets/notes.txt --
        A file copied as it is.
        """;

    private const string Page = "en/topics/2022/a/index.html";

    private static readonly string Edited = Site.Replace("Wells were dug.", "Wells were dug and pumps fitted.", StringComparison.Ordinal);

    [Fact]
    public void A_second_build_links_every_file_from_the_cache_and_writes_the_same_output()
    {
        using var site = Build(TestSite.Create(Site));
        var first = Snapshot(site);
        var entries = Entries(site);
        var written = WrittenByThem(site);
        var unique = written.Select(f => Convert.ToHexString(first[f])).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(new WrittenCounts(written.Count - unique, unique, 0), site.Result.Written);
        Assert.Equal(unique, entries.Count);

        site.Rebuild(Settings(site));

        site.AssertSucceeded();
        Assert.Equal(new WrittenCounts(written.Count, 0, 0), site.Result.Written);
        AssertSame(first, site);
        Assert.Equal(entries, Entries(site));
        // The page is the cache's file under a second name, and a copied file is too.
        var entryInodes = Entries(site).Select(e => FileStamp.Of(e)!.Value.Inode).ToHashSet();
        Assert.Contains(FileStamp.Of(Path.Combine(site.Output, Page))!.Value.Inode, entryInodes);
        Assert.Contains(FileStamp.Of(Path.Combine(site.Output, "assets/notes.txt"))!.Value.Inode, entryInodes);
    }

    [Fact]
    public void An_edited_page_is_written_again_and_the_entry_of_its_old_text_is_deleted()
    {
        using var site = Build(TestSite.Create(Site));
        var entries = Entries(site).Count;

        site.Edit(Edited).Rebuild(Settings(site));

        site.AssertFile(Page, "Wells were dug and pumps fitted.");
        var written = site.Result.Written!.Value;
        Assert.Equal(1, written.Added);
        Assert.Equal(0, written.Direct);
        Assert.Equal(entries, Entries(site).Count);
        using var fresh = Build(TestSite.Create(Edited));
        AssertSame(Snapshot(fresh), site);
    }

    public static readonly TheoryData<string> Damage = new()
    {
        "an output file appended to in place (it is the entry's file)",
        "an output file overwritten in place with as many bytes, its time put back",
        "an output file's permissions changed",
        "an entry overwritten with other bytes of the same size",
        "an entry truncated",
        "an entry deleted",
        "an entry replaced by a folder",
        "an entry's time changed, its bytes not",
        "a stray file and a temporary file of a killed build beside the entries",
        "an entry replaced by a symbolic link to a file with its bytes",
        "an entry replaced by a symbolic link to a folder",
        "an entry replaced by a named pipe",
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_cache_is_never_published(string damage)
    {
        using var site = Build(TestSite.Create(Site));
        var first = Snapshot(site);
        var page = Path.Combine(site.Output, Page);
        var entry = Entries(site).Single(e => FileStamp.Of(e)!.Value.Inode == FileStamp.Of(page)!.Value.Inode);
        var shard = Path.GetDirectoryName(entry)!;
        switch (damage)
        {
            case "an output file appended to in place (it is the entry's file)":
                File.AppendAllText(page, "<script>tampered</script>");
                break;
            case "an output file overwritten in place with as many bytes, its time put back":
                var time = File.GetLastWriteTimeUtc(page);
                using (var stream = new FileStream(page, FileMode.Open, FileAccess.Write))
                {
                    stream.Position = 100;
                    stream.Write("YYYY"u8);
                }

                File.SetLastWriteTimeUtc(page, time);
                break;
            case "an output file's permissions changed":
                File.SetUnixFileMode(page, UnixFileMode.None);
                break;
            case "an entry overwritten with other bytes of the same size":
                var bytes = File.ReadAllBytes(entry);
                Array.Fill(bytes, (byte)'x', 0, 20);
                using (var stream = new FileStream(entry, FileMode.Open, FileAccess.Write))
                    stream.Write(bytes);
                break;
            case "an entry truncated":
                File.WriteAllBytes(entry, []);
                break;
            case "an entry deleted":
                File.Delete(entry);
                break;
            case "an entry replaced by a folder":
                File.Delete(entry);
                Directory.CreateDirectory(entry);
                break;
            case "an entry's time changed, its bytes not":
                File.SetLastWriteTimeUtc(entry, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));
                break;
            case "an entry replaced by a symbolic link to a file with its bytes":
                File.Copy(entry, Path.Combine(site.Root, "elsewhere.html"));
                File.Delete(entry);
                File.CreateSymbolicLink(entry, Path.Combine(site.Root, "elsewhere.html"));
                break;
            case "an entry replaced by a symbolic link to a folder":
                Directory.CreateDirectory(Path.Combine(site.Root, "elsewhere"));
                File.WriteAllText(Path.Combine(site.Root, "elsewhere", "keep.txt"), "not the cache's");
                File.Delete(entry);
                Directory.CreateSymbolicLink(entry, Path.Combine(site.Root, "elsewhere"));
                break;
            case "an entry replaced by a named pipe":
                File.Delete(entry);
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", entry))
                    mkfifo.WaitForExit();
                Assert.True(File.Exists(entry));
                break;
            case "a stray file and a temporary file of a killed build beside the entries":
                File.WriteAllText(Path.Combine(shard, "notes"), "not an entry");
                File.WriteAllText(Path.Combine(shard, ".new-0123"), "half");
                File.SetLastWriteTimeUtc(Path.Combine(shard, ".new-0123"), DateTime.UtcNow.AddDays(-1));
                File.WriteAllText(Path.Combine(shard, "..", ".probe-0123"), "");
                File.SetLastWriteTimeUtc(Path.Combine(shard, "..", ".probe-0123"), DateTime.UtcNow.AddDays(-1));
                break;
        }

        site.Rebuild(Settings(site));

        site.AssertNoDiagnostics();
        AssertSame(first, site);
        Assert.Equal(0, site.Result.Written!.Value.Direct);
        Assert.Equal(File.GetUnixFileMode(Path.Combine(site.Output, "en/index.html")), File.GetUnixFileMode(page));
        Assert.False(File.Exists(Path.Combine(shard, ".new-0123")), "a killed build's temporary file was kept");
        Assert.False(File.Exists(Path.Combine(shard, "..", ".probe-0123")), "a killed build's probe was kept");
        Assert.Null(new FileInfo(page).LinkTarget); // the page is a file, not a link to one
        Assert.True(!Directory.Exists(Path.Combine(site.Root, "elsewhere")) || File.Exists(Path.Combine(site.Root, "elsewhere", "keep.txt")),
            "what a link in the cache pointed to was deleted");
        Assert.True(!damage.Contains("to a file", StringComparison.Ordinal) || File.Exists(Path.Combine(site.Root, "elsewhere.html")),
            "what a link in the cache pointed to was deleted");
        // The build after that one finds a sound cache: every file linked.
        site.Rebuild(Settings(site));
        Assert.Equal(0, site.Result.Written!.Value.Added);
        AssertSame(first, site);
    }

    [Fact]
    public void Files_that_a_first_build_writes_alike_are_counted_as_written_not_as_taken_from_the_cache()
    {
        using var site = TestSite.Create(Site + """

            -- input/assets/same-1.txt --
            The same.
            -- input/assets/same-2.txt --
            The same.
            -- input/assets/same-3.txt --
            The same.
            """);

        Build(site);

        Assert.Equal(0, site.Result.Written!.Value.Reused);
        Assert.Equal(FileStamp.Of(Path.Combine(site.Output, "assets/same-1.txt"))!.Value.Inode, FileStamp.Of(Path.Combine(site.Output, "assets/same-3.txt"))!.Value.Inode);
        Build(site);
        Assert.Equal(new WrittenCounts(WrittenByThem(site).Count, 0, 0), site.Result.Written);
    }

    [Fact]
    public void A_cache_on_another_file_system_than_the_output_is_not_filled_and_every_file_is_written()
    {
        using var site = TestSite.Create(Site);
        // /dev/shm is a memory file system on Linux, the test's temporary folder is not.
        var cache = Path.Combine("/dev/shm", "generator-test-" + Guid.NewGuid().ToString("N"));
        Assert.NotEqual(FileStamp.Of("/dev/shm")!.Value.Device, FileStamp.Of(site.Root)!.Value.Device);
        try
        {
            using var reference = Build(TestSite.Create(Site));

            site.Rebuild(Settings(site) with { CacheFolder = cache });

            site.AssertNoDiagnostics();
            // The share cards too: across file systems they are not links to the photos' cache.
            Assert.Equal(new WrittenCounts(0, 0, Snapshot(reference).Count, OtherFileSystem: true), site.Result.Written);
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(cache, SiteBuild.WrittenFilesFolder)));
            AssertSame(Snapshot(reference), site);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void A_cache_that_cannot_hold_the_files_is_one_warning_and_the_output_is_whole()
    {
        using var site = TestSite.Create(Site);
        var cache = Path.Combine(site.Root, "cache");
        Directory.CreateDirectory(cache);
        File.WriteAllText(Path.Combine(cache, SiteBuild.WrittenFilesFolder), "a file where the folder goes");
        using var reference = Build(TestSite.Create(Site));

        site.Rebuild(Settings(site) with { CacheFolder = cache });

        site.AssertSucceeded();
        var warning = Assert.Single(site.Result.Diagnostics);
        Assert.Equal($"warning GEN006: the cache of written files cannot be used: '{Path.Combine(cache, "written")}' is a file, not a folder; {WrittenByThem(reference).Count} files were written without it (pass --cache-dir a writable folder, or --no-cache)", warning.ToString());
        Assert.Equal(WrittenByThem(reference).Count, site.Result.Written!.Value.Direct);
        AssertSame(Snapshot(reference), site);
    }

    [Fact]
    public void Files_where_the_folders_of_entries_go_are_replaced_by_the_folders()
    {
        using var site = TestSite.Create(Site);
        var cache = Path.Combine(site.Root, "cache");
        Directory.CreateDirectory(Path.Combine(cache, SiteBuild.WrittenFilesFolder));
        foreach (var a in "0123456789abcdef")
        {
            foreach (var b in "0123456789abcdef")
                File.WriteAllText(Path.Combine(cache, SiteBuild.WrittenFilesFolder, $"{a}{b}"), "");
        }

        using var reference = Build(TestSite.Create(Site));

        site.Rebuild(Settings(site) with { CacheFolder = cache });

        site.AssertNoDiagnostics();
        Assert.Equal(0, site.Result.Written!.Value.Direct);
        AssertSame(Snapshot(reference), site);
    }

    [Fact]
    public void Nothing_outside_the_cache_is_deleted_through_a_link_in_it()
    {
        using var site = Build(TestSite.Create(Site));
        var written = WrittenFolder(site);
        foreach (var (name, victim) in new[] { ("zz", "victim"), ("ab", "victim2") })
        {
            Directory.CreateDirectory(Path.Combine(site.Root, victim, "sub"));
            File.WriteAllText(Path.Combine(site.Root, victim, "a"), "kept");
            File.WriteAllText(Path.Combine(site.Root, victim, "sub", "0123456789abcdef0123456789abcdef"), "kept");
            if (Directory.Exists(Path.Combine(written, name)))
                Directory.Delete(Path.Combine(written, name), recursive: true);
            Directory.CreateSymbolicLink(Path.Combine(written, name), Path.Combine(site.Root, victim));
        }

        site.Rebuild(Settings(site));
        site.Rebuild(Settings(site));

        site.AssertNoDiagnostics();
        foreach (var victim in new[] { "victim", "victim2" })
        {
            Assert.True(File.Exists(Path.Combine(site.Root, victim, "a")), $"{victim}/a was deleted");
            Assert.True(File.Exists(Path.Combine(site.Root, victim, "sub", "0123456789abcdef0123456789abcdef")), $"{victim}/sub was deleted");
        }
    }

    [Fact]
    public void A_photos_derivative_made_under_another_umask_is_copied_with_a_new_files_permissions()
    {
        using var site = TestSite.Create(Site);
        Cli.CliSites.AddPhoto(site);
        Build(site);
        var derivative = Path.Combine(site.Output, "assets/images/p-64w.webp");
        var bytes = File.ReadAllBytes(derivative);
        var fresh = File.GetUnixFileMode(Path.Combine(site.Output, "en/index.html"));
        // The cache's file, as a build under umask 077 makes it (or a chmod of the output's).
        File.SetUnixFileMode(derivative, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        site.Rebuild(Settings(site));

        site.AssertNoDiagnostics();
        Assert.Equal(fresh, File.GetUnixFileMode(derivative));
        Assert.Equal(bytes, File.ReadAllBytes(derivative));
    }

    [Fact]
    public void The_reason_an_exception_gives_runs_on_into_the_advice_without_its_full_stop() =>
        Assert.Equal("Access to the path '/x' is denied", Reasons.Of(new UnauthorizedAccessException("Access to the path '/x' is denied.")));

    private static TestSite Build(TestSite site) => site.Rebuild(Settings(site));

    private static BuildSettings Settings(TestSite site) => site.Settings() with { Search = false };

    private static string WrittenFolder(TestSite site) =>
        Path.Combine(PhotoCache.DefaultFor(Path.Combine(site.Root, "input")), SiteBuild.WrittenFilesFolder);

    private static List<string> Entries(TestSite site) =>
        [.. Directory.EnumerateFiles(WrittenFolder(site), "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)];

    /// The output files the cache of written files holds: all but the share cards, which are
    /// links to the photos' cache.
    private static List<string> WrittenByThem(TestSite site)
    {
        var cache = PhotoCache.DefaultFor(Path.Combine(site.Root, "input"));
        var photos = Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(WrittenFolder(site), StringComparison.Ordinal))
            .Select(f => FileStamp.Of(f)!.Value.Inode).ToHashSet();
        return [.. site.Files().Where(f => !photos.Contains(FileStamp.Of(Path.Combine(site.Output, f))!.Value.Inode))];
    }

    private static Dictionary<string, byte[]> Snapshot(TestSite site) => site.Snapshot();

    private static void AssertSame(Dictionary<string, byte[]> expected, TestSite site) =>
        site.AssertSameOutput(expected, "a build without the cache's help");
}
