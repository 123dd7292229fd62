namespace Generator.Preview;

/// Waits until saved files hold still: the same size and modification time over
/// <see cref="Still"/>, bounded by <see cref="Longest"/> so a file written without end
/// (a log, a stuck copy) does not hold the rebuild back.
public static class SettledFiles
{
    /// Long enough for the pauses of a tool that writes a photo in chunks, short enough that
    /// a photo that is really cut short is reported at once.
    public static readonly TimeSpan Still = TimeSpan.FromMilliseconds(300);

    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// Returns once all of <paramref name="paths"/> (absolute) held still, or after
    /// <see cref="Longest"/>; a file that is gone holds still.
    public static async Task WaitUntilStillAsync(IReadOnlyCollection<string> paths, CancellationToken cancel)
    {
        var last = Stamps(paths);
        var started = DateTime.UtcNow;
        var stillSince = started;
        while (DateTime.UtcNow - stillSince < Still && DateTime.UtcNow - started < Longest)
        {
            await Task.Delay(Poll, cancel).ConfigureAwait(false);
            var now = Stamps(paths);
            if (!now.SequenceEqual(last))
                stillSince = DateTime.UtcNow;
            last = now;
        }
    }

    private static List<(long Length, DateTime Written)> Stamps(IReadOnlyCollection<string> paths) =>
        [.. paths.Order(StringComparer.Ordinal).Select(path =>
        {
            var file = new FileInfo(path);
            return file.Exists ? (file.Length, file.LastWriteTimeUtc) : (-1L, DateTime.MinValue);
        })];
}
