using System.Runtime.InteropServices;

namespace Generator.Engine;

/// Writes a build into a sibling staging folder and swaps it in only when the build
/// succeeded, so a failed build leaves the previous output untouched. A build killed at
/// any moment (SIGKILL included) leaves the previous complete output or the new one:
/// on Linux the two folders are exchanged in one atomic rename(2); elsewhere the old
/// output is renamed aside first, and the next run puts it back if the build died
/// before the new one was in place.
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

    /// Restores or removes what interrupted earlier builds left behind and creates a fresh staging folder.
    public static StagedOutput Prepare(string outputFolder)
    {
        var (output, parent, name) = Recover(outputFolder);
        var staging = Path.Combine(parent, $"{name}{StagingMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new StagedOutput(output, staging);
    }

    /// Puts back an old output that a build killed mid-swap set aside (it is the last
    /// complete build), and deletes staging and old folders of killed builds. Runs at the
    /// start of every build, so even a build that then fails leaves a complete output.
    public static (string Output, string Parent, string Name) Recover(string outputFolder)
    {
        var output = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new IOException($"'{output}' has no parent folder.");
        var name = Path.GetFileName(output);
        Directory.CreateDirectory(parent);
        var leftovers = Directory.EnumerateDirectories(parent, name + ".*")
            .Select(path => (Path: path, Suffix: Path.GetFileName(path)[name.Length..]))
            .Where(l => l.Suffix.StartsWith(StagingMarker, StringComparison.Ordinal) || l.Suffix.StartsWith(OldMarker, StringComparison.Ordinal))
            .ToList();
        if (!Directory.Exists(output)
            && leftovers.Where(l => l.Suffix.StartsWith(OldMarker, StringComparison.Ordinal))
                .OrderByDescending(l => Directory.GetLastWriteTimeUtc(l.Path)).FirstOrDefault() is { Path: not null } old)
        {
            Directory.Move(old.Path, output);
            leftovers.Remove(old);
        }

        foreach (var leftover in leftovers)
            Directory.Delete(leftover.Path, recursive: true);
        return (output, parent, name);
    }

    /// Swaps the staging folder in place of the output folder.
    public void Commit()
    {
        if (!Directory.Exists(OutputFolder))
        {
            Directory.Move(StagingFolder, OutputFolder);
            return;
        }

        if (TryExchange(StagingFolder, OutputFolder))
        {
            // The staging path now holds the previous output; a kill while deleting it
            // leaves a staging leftover that the next run removes.
            Directory.Delete(StagingFolder, recursive: true);
            return;
        }

        var old = $"{OutputFolder}{OldMarker}{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.Move(OutputFolder, old);
        Directory.Move(StagingFolder, OutputFolder);
        Directory.Delete(old, recursive: true);
    }

    public void Abandon()
    {
        if (Directory.Exists(StagingFolder))
            Directory.Delete(StagingFolder, recursive: true);
    }

    /// renameat2(RENAME_EXCHANGE): both paths swap in one step, so there is no moment
    /// without a complete output. False where the kernel, C library or file system lacks it.
    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            return RenameAt2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(
        int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
