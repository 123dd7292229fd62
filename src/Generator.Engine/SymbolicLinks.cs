namespace Generator.Engine;

/// Symbolic links must not smuggle a file from elsewhere on the machine (/etc/passwd, a
/// private key) into a public site: a link may only point inside its own folder.
public static class SymbolicLinks
{
    /// The target of the first symbolic link on the way from <paramref name="folder"/> to
    /// <paramref name="file"/> (the file itself or a folder between) that resolves outside
    /// the folder, or null when there is none.
    public static string? OutsideTarget(string folder, string file)
    {
        var root = RealPath(Path.GetFullPath(folder));
        root = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(file);
        var levels = Path.GetRelativePath(folder, file).Replace('\\', '/').Count(c => c == '/');
        for (var depth = levels; depth >= 0; depth--)
        {
            FileSystemInfo entry = depth == levels ? new FileInfo(path) : new DirectoryInfo(path);
            if (entry.LinkTarget is not null)
            {
                var target = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is not null && !target.StartsWith(root, StringComparison.Ordinal))
                    return target;
            }

            path = Path.GetDirectoryName(path)!;
        }

        return null;
    }

    private static string RealPath(string folder)
    {
        var info = new DirectoryInfo(folder);
        return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }
}
