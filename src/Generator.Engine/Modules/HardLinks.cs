using System.Runtime.InteropServices;

namespace Generator.Engine.Modules;

/// A second name for a file, with link(2): no bytes are copied. Only for files that are
/// never changed in place, since both names are the same file.
public static class HardLinks
{
    private const int Exists = 17; // EEXIST
    private const int CrossDevice = 18; // EXDEV

    /// What <see cref="Link"/> did.
    public enum Result
    {
        Made,
        OtherFileSystem,
        Failed,
    }

    /// A new name <paramref name="target"/> (which must not exist) for <paramref name="source"/>.
    public static Result Link(string source, string target)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return Result.OtherFileSystem;
        try
        {
            if (CreateLink(source, target) == 0)
                return Result.Made;
            return Marshal.GetLastPInvokeError() == CrossDevice ? Result.OtherFileSystem : Result.Failed;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Result.OtherFileSystem;
        }
    }

    /// The permissions a file this process creates gets (0666 less the umask), learnt once
    /// from a file made in the temporary folder; null where files have none (Windows).
    public static UnixFileMode? NewFileMode => NewFile.Value;

    private static readonly Lazy<UnixFileMode?> NewFile = new(() =>
    {
        if (OperatingSystem.IsWindows())
            return null;
        var probe = Path.Combine(Path.GetTempPath(), ".generator-mode-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(probe, []);
            return File.GetUnixFileMode(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            File.Delete(probe);
        }
    });

    /// Whether a link to <paramref name="source"/> would have the permissions of a file this
    /// build writes: a cache's file made under another umask, or changed with chmod, is copied.
    public static bool HasNewFileMode(string source) =>
        NewFileMode is not { } mode || OperatingSystem.IsWindows() || File.GetUnixFileMode(source) == mode;

    /// A copy of <paramref name="source"/> that, like a file the build writes, has the
    /// permissions of a new file (File.Copy keeps the source's).
    public static void CopyAsNew(string source, string target)
    {
        File.Copy(source, target, overwrite: true);
        if (NewFileMode is { } mode && !OperatingSystem.IsWindows() && File.GetUnixFileMode(target) != mode)
            File.SetUnixFileMode(target, mode);
    }

    /// False when no link could be made (another file system, a file system without links,
    /// not a Unix system) or the link would not have a new file's permissions: the caller
    /// copies instead.
    public static bool TryCreate(string source, string target)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return false;
        try
        {
            if (!HasNewFileMode(source))
                return false;
            if (CreateLink(source, target) == 0)
                return true;
            if (Marshal.GetLastPInvokeError() != Exists)
                return false;
            File.Delete(target);
            return CreateLink(source, target) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// A link where one can be made, else a copy (replacing <paramref name="target"/>).
    public static void LinkOrCopy(string source, string target)
    {
        if (!TryCreate(source, target))
            CopyAsNew(source, target);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int CreateLink([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
