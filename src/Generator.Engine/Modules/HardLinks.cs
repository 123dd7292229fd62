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

    /// False when no link could be made (another file system, a file system without links,
    /// not a Unix system): the caller copies instead.
    public static bool TryCreate(string source, string target)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return false;
        try
        {
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
            File.Copy(source, target, overwrite: true);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int CreateLink([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
