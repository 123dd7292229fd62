namespace Generator.Engine;

/// Paths as diagnostics show them: relative to the site root with '/', or absolute when
/// the file lies outside it. A control character in a name is shown as \u001B, so printing a
/// diagnostic can never send an escape sequence to the editor's terminal.
public static class DisplayPaths
{
    public static string Of(string root, string file)
    {
        var relative = Separators(Path.GetRelativePath(root, file));
        return Unprintable.Escape(relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative)
            ? Separators(file)
            : relative);
    }

    /// '/' for the platform's separator. On Linux a backslash is a character of a name, not
    /// a separator: turning it into '/' would place a file named "..\x.md" outside its folder.
    public static string Separators(string path) =>
        Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
}
