namespace Generator.Engine;

/// Writes a build into a sibling staging folder and swaps it in only when the build
/// succeeded, so a failed build leaves the previous output untouched.
public sealed class StagedOutput
{
    private const string StagingMarker = ".staging-";
    private const string OldMarker = ".old-";

    private StagedOutput(string outputFolder, string stagingFolder)
    {
        OutputFolder = outputFolder;
        StagingFolder = stagingFolder;
    }

    public string OutputFolder { get; }

    public string StagingFolder { get; }

    /// Removes what interrupted earlier builds left behind and creates a fresh staging folder.
    public static StagedOutput Prepare(string outputFolder)
    {
        var output = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new IOException($"'{output}' has no parent folder.");
        var name = Path.GetFileName(output);
        Directory.CreateDirectory(parent);
        foreach (var leftover in Directory.EnumerateDirectories(parent, name + ".*"))
        {
            var suffix = Path.GetFileName(leftover)[name.Length..];
            if (suffix.StartsWith(StagingMarker, StringComparison.Ordinal) || suffix.StartsWith(OldMarker, StringComparison.Ordinal))
                Directory.Delete(leftover, recursive: true);
        }

        var staging = Path.Combine(parent, $"{name}{StagingMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new StagedOutput(output, staging);
    }

    /// Swaps the staging folder in place of the output folder.
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(OutputFolder))
        {
            old = $"{OutputFolder}{OldMarker}{Environment.ProcessId}-{Guid.NewGuid():N}";
            Directory.Move(OutputFolder, old);
        }

        Directory.Move(StagingFolder, OutputFolder);
        if (old is not null)
            Directory.Delete(old, recursive: true);
    }

    public void Abandon()
    {
        if (Directory.Exists(StagingFolder))
            Directory.Delete(StagingFolder, recursive: true);
    }
}
