using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Generator.Engine;

/// Symbolic links must not smuggle a file from elsewhere on the machine (/etc/passwd, a
/// private key) into a public site: a link may only point inside its own folder.
/// One instance per folder remembers the folders it has checked, so reading 20,000 files
/// looks at each folder on their way once, not once per file.
public sealed class SymbolicLinks(string folder)
{
    private readonly string top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
    private readonly Lazy<string> root = new(() => WithSlash(RealPath(Path.GetFullPath(folder))));
    private readonly ConcurrentDictionary<string, string?> folders = new(StringComparer.Ordinal);

    /// The target of the first symbolic link on the way from <paramref name="folder"/> to
    /// <paramref name="file"/> (the file itself or a folder between) that resolves outside
    /// the folder, or null when there is none.
    public static string? OutsideTarget(string folder, string file) => new SymbolicLinks(folder).OutsideTarget(file);

    public string? OutsideTarget(string file)
    {
        var path = Path.GetFullPath(file);
        return Outside(new FileInfo(path)) ?? FolderTarget(Path.GetDirectoryName(path));
    }

    private string? FolderTarget(string? path)
    {
        // Only the folders inside: the folder itself may well be a link (to a checkout).
        if (path is null || path.Length <= top.Length)
            return null;
        return folders.GetOrAdd(path, p => Outside(new DirectoryInfo(p)) ?? FolderTarget(Path.GetDirectoryName(p)));
    }

    private string? Outside(FileSystemInfo entry)
    {
        if (entry.LinkTarget is null)
            return null;
        // The real path, with every link on the way resolved: a target written through
        // another link (input/evil → /etc) must not pass for a path inside the folder.
        var target = RealPath(entry.FullName);
        return !target.StartsWith(root.Value, StringComparison.Ordinal) ? target : null;
    }

    private static string WithSlash(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;

    /// realpath(3) where there is one; elsewhere (and for a dangling link) the link's own
    /// final target.
    private static string RealPath(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var resolved = CRealPath(path, IntPtr.Zero);
            if (resolved != IntPtr.Zero)
            {
                try
                {
                    return Marshal.PtrToStringUTF8(resolved)!;
                }
                finally
                {
                    Free(resolved);
                }
            }
        }

        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr CRealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}
