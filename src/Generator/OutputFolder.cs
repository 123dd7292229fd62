namespace Generator;

/// What the output folder may be. The build replaces the folder as a whole, so it must never
/// be, or hold, the sources or the folder the build runs in, and never sit inside the sources.
public static class OutputFolder
{
    /// Why <paramref name="output"/> cannot be the output folder, or null when it can.
    public static string? Problem(string output, string input, string theme, string workingFolder)
    {
        if (string.IsNullOrWhiteSpace(output))
            return "the output folder must be named, such as output or _site";
        var full = Trimmed(Path.GetFullPath(output));
        if (File.Exists(full))
            return $"'{output}' is a file; the output must be a folder, which the build replaces";
        if (new DirectoryInfo(full).LinkTarget is not null)
            return $"'{output}' is a symbolic link; pass the folder it points to";

        // The output may sit inside the folder the build runs in (output/ beside input/), never inside the sources.
        foreach (var (folder, what, source) in new[] { (input, "the input folder", true), (theme, "the theme folder", true), (workingFolder, "the folder the build runs in", false) })
        {
            var kept = Trimmed(Path.GetFullPath(folder));
            if (Contains(full, kept))
                return $"'{output}' would replace {what} ({kept}); the build replaces the whole output folder, so choose one that holds nothing else, such as output or _site";
            if (source && Contains(kept, full))
                return $"'{output}' is inside {what} ({kept}); choose a folder outside it, such as output or _site";
        }

        return null;
    }

    /// <paramref name="outer"/> is <paramref name="inner"/> or one of its ancestors (full paths).
    public static bool Contains(string outer, string inner) =>
        string.Equals(outer, inner, StringComparison.Ordinal)
        || inner.StartsWith(outer.EndsWith(Path.DirectorySeparatorChar) ? outer : outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <paramref name="path"/> as a full path with each symbolic link along it resolved, as far
    /// as it exists (the rest as written): where a folder reached through links really is.
    public static string Real(string path)
    {
        var full = Trimmed(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            try
            {
                var info = new FileInfo(next);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                    next = Real(target.FullName);
                else if (!info.Exists && !Directory.Exists(next))
                    return Trimmed(Path.Combine([next, .. parts[(i + 1)..]]));
            }
            catch (IOException)
            {
                // A loop of links: the path as written from here on.
                return Trimmed(Path.Combine([next, .. parts[(i + 1)..]]));
            }

            current = next;
        }

        return Trimmed(current);
    }

    public static string Trimmed(string path) =>
        path.Length > 1 ? path.TrimEnd(Path.DirectorySeparatorChar) : path;
}
