using System.Buffers;
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
/// build with a warm cache creates only the files that changed, and still writes the
/// complete output.
///
/// An entry is named by the XxHash128 of its bytes, under a folder of the hash's first two
/// characters. An output file is the same file as its entry, so a program that changes an
/// output file in place changes the entry (and every other output linked to it). Nothing about
/// an entry is trusted, then: before a build links it, its bytes are compared with what the
/// build would write and its permissions with those of a file the build creates, and an entry
/// that differs in either is replaced by a new file (the outputs linked to the old one keep it).
/// A build that succeeds deletes the entries it did not use.
public sealed partial class WrittenFiles(string folder)
{
    /// Files larger than this that are copied as they are (a video under assets/) are copied
    /// without the cache: reading them whole to hash them would cost more than the copy.
    public const long LargestCopied = 16 * 1024 * 1024;

    public string Folder { get; } = Path.GetFullPath(folder);

    internal Use Begin(string stagingFolder) => new(this, stagingFolder);

    /// What one build of the cache found, used and added.
    internal sealed partial class Use
    {
        private readonly WrittenFiles cache;
        private readonly Dictionary<UInt128, string> known = [];
        private readonly List<string> strays = [];
        private readonly ConcurrentDictionary<UInt128, Lazy<Entry?>> placed = new();
        private int reused;
        private int added;
        private int direct;
        private volatile bool off;

        public Use(WrittenFiles cache, string stagingFolder)
        {
            this.cache = cache;
            try
            {
                if (File.Exists(cache.Folder))
                {
                    Refuse($"'{cache.Folder}' is a file, not a folder");
                    return;
                }

                if (new FileInfo(cache.Folder).LinkTarget is not null && !Directory.Exists(cache.Folder))
                {
                    Refuse($"'{cache.Folder}' is a symbolic link that leads to no folder");
                    return;
                }

                OtherFileSystem = Probe(cache.Folder, stagingFolder);
                // Without a file's type and permissions (statx, Linux), no entry could be checked.
                if (OtherFileSystem || FileStamp.Of(cache.Folder) is null)
                {
                    off = true;
                    return;
                }

                // Only what the cache makes is looked at, and only that is ever deleted: folders
                // of two hexadecimal digits (not links to folders elsewhere), names of 32.
                foreach (var shard in new DirectoryInfo(cache.Folder).EnumerateDirectories())
                {
                    if (!ShardName().IsMatch(shard.Name) || shard.Attributes.HasFlag(FileAttributes.ReparsePoint))
                        continue;
                    foreach (var item in shard.EnumerateFileSystemInfos())
                    {
                        if (Parse(item.Name) is not { } hash)
                            continue;
                        // An entry is a file: a link would be published as a link, a pipe never read to its end.
                        if (item is FileInfo && !item.Attributes.HasFlag(FileAttributes.ReparsePoint))
                            known[hash] = item.FullName;
                        else
                            strays.Add(item.FullName);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Refuse($"'{cache.Folder}' cannot be used: {Reasons.Of(e)}");
            }
        }

        /// Why the cache was not used for this build (one warning), or null.
        public string? Problem { get; private set; }

        /// The cache is on another file system than the output: no file can be linked from it.
        public bool OtherFileSystem { get; }

        public WrittenCounts Counts => new(reused, added, direct, OtherFileSystem);

        /// Makes <paramref name="target"/> hold <paramref name="bytes"/>: a link to the cache's
        /// entry, checked or made first. False when the caller must write the file itself
        /// (no usable cache). The caller keeps <paramref name="bytes"/> unchanged until this returns.
        public bool TryPlace(ReadOnlyMemory<byte> bytes, string target)
        {
            if (!off)
            {
                var hash = XxHash128.HashToUInt128(bytes.Span);
                if (placed.GetOrAdd(hash, h => new Lazy<Entry?>(() => EntryOf(h, bytes))).Value is { } entry
                    && HardLinks.Link(entry.Path, target) == HardLinks.Result.Made)
                {
                    Interlocked.Increment(ref entry.Earlier ? ref reused : ref added);
                    return true;
                }
            }

            Interlocked.Increment(ref direct);
            return false;
        }

        private sealed record Entry(string Path, bool Earlier);

        /// The entry holding <paramref name="bytes"/>, an earlier build's when it is sound, else
        /// made; null when it can be neither (a full disk, a read-only folder: the build writes
        /// its file itself).
        private Entry? EntryOf(UInt128 hash, ReadOnlyMemory<byte> bytes)
        {
            if (known.TryGetValue(hash, out var path) && Sound(path, bytes.Span))
                return new Entry(path, Earlier: true);
            try
            {
                var shard = Path.Combine(cache.Folder, Hex(hash)[..2]);
                if (FileStamp.Of(shard, followLinks: false) is { IsFolder: false })
                    File.Delete(shard); // a file or a link where the folder goes
                path = Path.Combine(shard, Hex(hash));
                if (Directory.Exists(path))
                    Remove(path); // a rename replaces a file or a link, not a folder
                WholeFile.Write(path, bytes.Span, Path.Combine(shard, TemporaryPrefix + Guid.NewGuid().ToString("N")));
                return new Entry(path, Earlier: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Refuse($"'{cache.Folder}' cannot be written: {Reasons.Of(e)}");
                return null;
            }
        }

        /// Whether an earlier build's entry is still a plain file holding exactly
        /// <paramref name="bytes"/>, with the permissions this build's own files get.
        private bool Sound(string path, ReadOnlySpan<byte> bytes)
        {
            if (FileStamp.Of(path, followLinks: false) is not { IsRegularFile: true } stamp || stamp.Size != bytes.Length
                || (HardLinks.NewFileMode is { } wanted && stamp.Permissions != wanted))
                return false;
            byte[]? buffer = null;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 1));
                stream.ReadExactly(buffer, 0, bytes.Length);
                return buffer.AsSpan(0, bytes.Length).SequenceEqual(bytes) && stream.ReadByte() < 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false; // unreadable: replaced
            }
            finally
            {
                if (buffer is not null)
                    ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// After a build that succeeded: the entries it did not use are deleted (an earlier
        /// version of a page), with links, folders and pipes under an entry's name and the
        /// temporary and probe files a killed build left; nothing else.
        public void Prune()
        {
            if (off)
                return;
            var used = new HashSet<string>(placed.Values.Where(v => v.IsValueCreated && v.Value is not null).Select(v => v.Value!.Path), StringComparer.Ordinal);
            try
            {
                foreach (var path in known.Values.Concat(strays).Where(p => !used.Contains(p)))
                    Remove(path);

                var stale = DateTime.UtcNow - TimeSpan.FromHours(1);
                var leftovers = Directory.EnumerateFiles(cache.Folder, ProbePrefix + "*")
                    .Concat(Directory.EnumerateDirectories(cache.Folder).Where(d => ShardName().IsMatch(Path.GetFileName(d)))
                        .SelectMany(shard => Directory.EnumerateFiles(shard, TemporaryPrefix + "*")));
                foreach (var path in leftovers.ToList())
                {
                    if (File.GetLastWriteTimeUtc(path) < stale)
                        File.Delete(path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another build may be using the cache: what is left is pruned next time.
            }
        }

        /// Deletes a file, a folder with what it holds, or a symbolic link (never what it points to).
        private static void Remove(string path)
        {
            if (new FileInfo(path).LinkTarget is null && Directory.Exists(path))
                Directory.Delete(path, recursive: true);
            else
                File.Delete(path);
        }

        private void Refuse(string problem)
        {
            Problem ??= problem;
            off = true;
        }

        /// Whether the staging folder is on another file system than the cache, learnt from one
        /// empty file made in the cache.
        private static bool Probe(string folder, string stagingFolder)
        {
            Directory.CreateDirectory(folder);
            var name = ProbePrefix + Guid.NewGuid().ToString("N");
            var probe = Path.Combine(folder, name);
            var linked = Path.Combine(stagingFolder, name);
            try
            {
                File.WriteAllBytes(probe, []);
                return HardLinks.Link(probe, linked) switch
                {
                    HardLinks.Result.Made => false,
                    HardLinks.Result.OtherFileSystem => true,
                    _ => throw new IOException("no file in it can be linked into the output"),
                };
            }
            finally
            {
                File.Delete(probe);
                File.Delete(linked);
            }
        }

        private const string TemporaryPrefix = ".new-";

        private const string ProbePrefix = ".probe-";

        private static string Hex(UInt128 hash) => hash.ToString("x32", CultureInfo.InvariantCulture);

        private static UInt128? Parse(string name) =>
            EntryName().IsMatch(name) && UInt128.TryParse(name, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hash) ? hash : null;

        [GeneratedRegex("^[0-9a-f]{32}$")]
        private static partial Regex EntryName();

        [GeneratedRegex("^[0-9a-f]{2}$")]
        private static partial Regex ShardName();
    }
}

/// What the written-files cache did in one build: files linked to entries of earlier builds,
/// files linked to entries this build made, files written without the cache (all of them when
/// the cache is on <see cref="OtherFileSystem"/> than the output).
public readonly record struct WrittenCounts(int Reused, int Added, int Direct, bool OtherFileSystem = false);
