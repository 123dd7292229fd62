namespace Generator.Engine;

/// Paths as diagnostics show them: relative to the site root with '/', or absolute when
/// the file lies outside it. A control character in a name is shown as \u001B, so printing a
/// diagnostic can never send an escape sequence to the editor's terminal.
public static class DisplayPaths
{
    public static string Of(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return Unprintable.Escape(relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative)
            ? file.Replace('\\', '/')
            : relative);
    }
}
