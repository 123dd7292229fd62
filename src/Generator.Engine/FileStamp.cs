using System.Runtime.InteropServices;

namespace Generator.Engine;

/// What the file system says of a file without reading it (issue 16): its device, inode,
/// size, type and permissions, and the times of its last content change (mtime) and last status change (ctime).
/// ctime is the one no program can set back: `touch -r`, `cp -p` and `rsync -a` give a
/// rewritten file its old mtime, never its old ctime. Read with statx(2), Linux only; null
/// elsewhere or when the call fails, and then the file is read and hashed as it is.
public readonly record struct FileStamp(ulong Device, ulong Inode, long Size, long ModifiedNs, long ChangedNs, int Mode = 0)
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint Wanted = 0x1 | 0x2 | 0x40 | 0x80 | 0x100 | 0x200; // STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE

    /// <paramref name="followLinks"/>: the stamp of the file a symbolic link leads to (the file
    /// a save changes), else of the link itself.
    public static FileStamp? Of(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            if (Statx(CurrentFolder, path, followLinks ? 0 : NoFollow, Wanted, out var s) != 0 || (s.Mask & Wanted) != Wanted)
                return null;
            return new FileStamp(((ulong)s.DeviceMajor << 32) | s.DeviceMinor, s.Inode, (long)s.Size,
                s.ModifiedSeconds * 1_000_000_000 + s.ModifiedNanoseconds, s.ChangedSeconds * 1_000_000_000 + s.ChangedNanoseconds, s.Mode);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a C library without statx (glibc before 2.28)
        }
    }

    /// A plain file: not a folder, a link, a pipe or a device.
    public bool IsRegularFile => (Mode & 0xF000) == 0x8000;

    /// A folder (not a link to one).
    public bool IsFolder => (Mode & 0xF000) == 0x4000;

    /// Its permissions (the low 12 bits of the mode).
    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);

    /// The later of the two times, as a point in time.
    public DateTimeOffset LastChange => DateTimeOffset.UnixEpoch.AddTicks(Math.Max(ModifiedNs, ChangedNs) / 100);

    // struct statx of linux/stat.h: the same layout on every architecture (that is what statx
    // was made for), 256 bytes.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(96)] public long ChangedSeconds;
        [FieldOffset(104)] public uint ChangedNanoseconds;
        [FieldOffset(112)] public long ModifiedSeconds;
        [FieldOffset(120)] public uint ModifiedNanoseconds;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);
}
