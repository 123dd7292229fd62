using System.ComponentModel;
using Generator.Engine;

namespace Generator.Search;

/// Runs Pagefind's extended binary (it segments Japanese) over a written site: it reads
/// the pages marked with data-pagefind-body, makes one index per page language and
/// writes them with its script and WebAssembly into <see cref="BundleFolder"/>/.
/// The build installs the binary beside the generator's assemblies (see Generator.csproj:
/// npm ci in src/Generator/pagefind/), so running it needs no Node.
public sealed class Pagefind(string binary)
{
    /// The bundle's folder in the output: /pagefind/pagefind.js, /pagefind/index/…
    public const string BundleFolder = "pagefind";

    public string Binary { get; } = binary;

    /// Where the build copied the binary: pagefind/ beside the generator's assemblies.
    public static string DefaultBinary =>
        Path.Combine(AppContext.BaseDirectory, "pagefind", OperatingSystem.IsWindows() ? "pagefind_extended.exe" : "pagefind_extended");

    /// The binary at <paramref name="path"/>, or null when it is not there.
    public static Pagefind? Find(string path) => File.Exists(path) ? new Pagefind(path) : null;

    /// Indexes <paramref name="siteFolder"/> in place. A failure is one error, with the end of
    /// Pagefind's own report. Pagefind runs as a <see cref="ChildProcess"/>, so it dies with
    /// the generator instead of writing on into a staging folder nobody will swap in.
    public async Task<IReadOnlyList<Diagnostic>> IndexAsync(string siteFolder, CancellationToken cancel)
    {
        ChildProcess.Result result;
        try
        {
            // Pagefind reads pagefind.yml/.toml/.json from its working directory: the site
            // folder holds none, so only the arguments below configure it.
            result = await ChildProcess.RunAsync(Binary, ["--site", ".", "--output-subdir", BundleFolder, "--quiet"], siteFolder, cancel)
                .ConfigureAwait(false);
        }
        catch (Win32Exception e)
        {
            return [Failed($"Pagefind could not start ({Binary}): {e.Message}")];
        }

        if (result.ExitCode == 0 && File.Exists(Path.Combine(siteFolder, BundleFolder, "pagefind.js")))
            return [];
        var tail = string.Join(" ", (result.Errors + result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5));
        return [Failed($"Pagefind failed (exit code {result.ExitCode}) while indexing the site{(tail.Length > 0 ? ": " + tail : "")}")];
    }

    private static Diagnostic Failed(string message) =>
        new(DiagnosticCodes.SearchIndexFailed, Severity.Error, null, message);
}
