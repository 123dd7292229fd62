namespace Generator.Engine;

/// Paths as diagnostics show them: relative to the site root with '/', or absolute when
/// the file lies outside it.
public static class DisplayPaths
{
    public static string Of(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative)
            ? file.Replace('\\', '/')
            : relative;
    }
}
