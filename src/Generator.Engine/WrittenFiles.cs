using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Text.RegularExpressions;
using Generator.Engine.Modules;

namespace Generator.Engine;

/// The files the Output phase wrote, kept by content in a cache folder between builds, so a
/// build gives each file whose bytes an earlier build wrote a second name (a hard link) in its
/// staging folder instead of creating it again. Creating a file is what writing a page costs
/// on most file systems (a new inode; measured here 0.4 ms against 15 µs for a link), so a
/// build with a warm cache writes only what changed, and still writes the complete output.
///
/// An entry is named by the XxHash128 of its bytes and by its own modification time when it was
/// made ("0f3a….638700000000000000"), under a folder of the hash's first two characters. An
/// output file is the same file as its entry, so a program that changes an output file in place
/// changes the entry: its time no longer matches its name, and it is then compared byte by byte
/// with what the build would write, reused only when equal (and renamed to its new time, as after
/// a cache restored with coarser times), else replaced. Nothing else is trusted: an entry whose
/// size differs is replaced unread. A build that succeeds deletes the entries it did not use.
public sealed partial class WrittenFiles(string folder)
{
    /// Files larger than this that are copied as they are (a video under assets/) are copied
    /// without the cache: reading them whole to hash them would cost more than the copy.
    public const long LargestCopied = 16 * 1024 * 1024;

    public string Folder { get; } = Path.GetFullPath(folder);

    internal Use Begin() => new(this);

    /// What one build of the cache found, used and added.
    internal sealed partial class Use
    {
        private readonly WrittenFiles cache;
        private readonly Dictionary<UInt128, (string Path, long Ticks)> known = [];
        private readonly List<string> duplicates = [];
        private readonly ConcurrentDictionary<UInt128, Lazy<string?>> placed = new();
        private int linked;
        private int added;
        private int direct;
        private volatile bool off;

        public Use(WrittenFiles cache)
        {
            this.cache = cache;
            if (File.Exists(cache.Folder))
            {
                Problem = $"'{cache.Folder}' is a file, not a folder";
                off = true;
                return;
            }

            try
            {
                if (!Directory.Exists(cache.Folder))
                    return;
                foreach (var shard in Directory.EnumerateDirectories(cache.Folder))
                {
                    foreach (var path in Directory.EnumerateFiles(shard))
                    {
                        if (Parse(Path.GetFileName(path)) is not { } entry)
                            continue;
                        if (!known.TryAdd(entry.Hash, (path, entry.Ticks)))
                            duplicates.Add(path); // two builds made the same entry at once
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem = $"'{cache.Folder}' cannot be read: {e.Message}";
                off = true;
            }
        }

        /// Why the cache was not used for this build (one warning), or null.
        public string? Problem { get; private set; }

        public WrittenCounts Counts => new(linked - added, added, direct);

        /// Makes <paramref name="target"/> hold <paramref name="bytes"/>: a link to the cache's
        /// entry, made first when there is none. False when the caller must write the file
        /// itself (no usable cache, or another file system).
        /// The caller keeps <paramref name="bytes"/> unchanged until this returns.
        public bool TryPlace(ReadOnlyMemory<byte> bytes, string target)
        {
            if (off)
            {
                Interlocked.Increment(ref direct);
                return false;
            }

            var hash = XxHash128.HashToUInt128(bytes.Span);
            var entry = placed.GetOrAdd(hash, h => new Lazy<string?>(() => Entry(h, bytes))).Value;
            if (entry is not null)
            {
                switch (HardLinks.Link(entry, target))
                {
                    case HardLinks.Result.Made:
                        Interlocked.Increment(ref linked);
                        return true;
                    case HardLinks.Result.OtherFileSystem:
                        off = true; // every link would fail: write the files, not the cache too
                        break;
                }
            }

            Interlocked.Increment(ref direct);
            return false;
        }

        /// The path of the entry holding <paramref name="bytes"/>, checked or made; null when
        /// it can be neither (a full disk, a read-only folder: the build writes its file itself).
        private string? Entry(UInt128 hash, ReadOnlyMemory<byte> bytes)
        {
            if (known.TryGetValue(hash, out var found))
            {
                try
                {
                    var info = new FileInfo(found.Path);
                    if (info.Exists && info.Length == bytes.Length)
                    {
                        if (info.LastWriteTimeUtc.Ticks == found.Ticks)
                            return found.Path;
                        if (File.ReadAllBytes(found.Path).AsSpan().SequenceEqual(bytes.Span))
                        {
                            var renamed = NameOf(Path.GetDirectoryName(found.Path)!, hash, info.LastWriteTimeUtc.Ticks);
                            File.Move(found.Path, renamed, overwrite: true);
                            return renamed;
                        }
                    }

                    if (Directory.Exists(found.Path))
                        Directory.Delete(found.Path, recursive: true);
                    else
                        File.Delete(found.Path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Unreadable or not removable: a new entry beside it holds the bytes.
                }
            }

            try
            {
                var shard = Path.Combine(cache.Folder, Hex(hash)[..2]);
                Directory.CreateDirectory(shard);
                var temporary = Path.Combine(shard, TemporaryPrefix + Guid.NewGuid().ToString("N"));
                try
                {
                    File.WriteAllBytes(temporary, bytes.Span);
                    var path = NameOf(shard, hash, File.GetLastWriteTimeUtc(temporary).Ticks);
                    File.Move(temporary, path, overwrite: true);
                    Interlocked.Increment(ref added);
                    return path;
                }
                finally
                {
                    if (File.Exists(temporary))
                        File.Delete(temporary);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem ??= $"'{cache.Folder}' cannot be written: {e.Message}";
                off = true;
                return null;
            }
        }

        /// After a build that succeeded: the entries it did not use are deleted (an earlier
        /// version of a page), and temporary files a killed build left.
        public void Prune()
        {
            if (off && Problem is not null)
                return;
            var used = new HashSet<string>(placed.Values.Where(v => v.IsValueCreated).Select(v => v.Value!).Where(p => p is not null), StringComparer.Ordinal);
            try
            {
                foreach (var path in known.Values.Select(e => e.Path).Where(p => !used.Contains(p)).Concat(duplicates))
                    File.Delete(path);

                if (!Directory.Exists(cache.Folder))
                    return;
                var stale = DateTime.UtcNow - TimeSpan.FromHours(1);
                foreach (var shard in Directory.EnumerateDirectories(cache.Folder))
                {
                    foreach (var path in Directory.EnumerateFiles(shard, TemporaryPrefix + "*"))
                    {
                        if (File.GetLastWriteTimeUtc(path) < stale)
                            File.Delete(path);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another build may be using the cache: what is left is pruned next time.
            }
        }

        private const string TemporaryPrefix = ".new-";

        private static string Hex(UInt128 hash) => hash.ToString("x32", CultureInfo.InvariantCulture);

        private static string NameOf(string shard, UInt128 hash, long ticks) =>
            Path.Combine(shard, Hex(hash) + "." + ticks.ToString(CultureInfo.InvariantCulture));

        private static (UInt128 Hash, long Ticks)? Parse(string name) =>
            EntryName().Match(name) is { Success: true } m
            && UInt128.TryParse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hash)
            && long.TryParse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? (hash, ticks)
                : null;

        [GeneratedRegex("^([0-9a-f]{32})\\.([0-9]{1,19})$")]
        private static partial Regex EntryName();
    }
}

/// What the written-files cache did in one build: files linked from entries of earlier
/// builds, files for which an entry was made, files written without the cache.
public readonly record struct WrittenCounts(int Reused, int Added, int Direct);
