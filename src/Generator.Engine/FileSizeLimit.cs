namespace Generator.Engine;

/// The largest file a reader accepts, and the setting that raises it, so one huge file is
/// an error at that file instead of an out-of-memory crash (issue 13).
public sealed record FileSizeLimit(long Bytes, string Kind, string Setting)
{
    public static FileSizeLimit None { get; } = new(long.MaxValue, "file", "");

    public static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString(bytes % (1024 * 1024) == 0 ? "#,0" : "#,0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    public string Explain(long length) =>
        $"is {Megabytes(length)}, over the {Megabytes(Bytes)} limit for {Kind}; make it smaller, or raise '{Setting}' in site.yml";
}
