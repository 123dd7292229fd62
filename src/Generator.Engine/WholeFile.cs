namespace Generator.Engine;

/// Writes a file so that a reader sees it whole or not at all, and so that it is a new file:
/// the bytes go to a temporary file beside it, which is renamed into place. A file another
/// name shares (a hard link to a cache's entry) keeps its bytes.
public static class WholeFile
{
    /// <paramref name="temporary"/>: where the bytes go first (default: a hidden name beside
    /// <paramref name="path"/>), in the same folder.
    public static void Write(string path, ReadOnlySpan<byte> bytes, string? temporary = null)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        temporary ??= Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
