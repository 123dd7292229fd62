using System.ComponentModel;
using Generator.Engine;

namespace Generator.Search;

/// Runs Pagefind's extended binary (it segments Japanese) over a written site: it reads
/// the pages marked with data-pagefind-body and writes each <see cref="SearchBundle"/>'s
/// index, with its script and WebAssembly, into <see cref="BundleFolder"/>/&lt;lang&gt;/&lt;n&gt;/.
/// The build installs the binary beside the generator's assemblies (see Generator.csproj:
/// npm ci in src/Generator/pagefind/), so running it needs no Node.
public sealed class Pagefind(string binary)
{
    /// The bundles' folder in the output: /pagefind/en/1/pagefind.js, /pagefind/en/bundles.json…
    public const string BundleFolder = "pagefind";

    public string Binary { get; } = binary;

    /// Where the build copied the binary: pagefind/ beside the generator's assemblies.
    public static string DefaultBinary =>
        Path.Combine(AppContext.BaseDirectory, "pagefind", OperatingSystem.IsWindows() ? "pagefind_extended.exe" : "pagefind_extended");

    private readonly Lazy<string> identity = new(() => Photos.OriginalStamps.HashOf(binary));

    /// The hash of the binary: what a <see cref="SearchCache"/> key holds of the version of Pagefind.
    public string Identity => identity.Value;

    /// The binary at <paramref name="path"/>, or null when it is not there.
    public static Pagefind? Find(string path) => File.Exists(path) ? new Pagefind(path) : null;

    /// What Pagefind writes that the theme does not use (its ready-made search interfaces):
    /// left out, so that each bundle is only the index and the script that reads it.
    private static readonly string[] UnusedFiles =
    [
        "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
        "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
    ];

    /// Indexes the pages of <paramref name="siteFolder"/> bundle by bundle, one Pagefind run
    /// after the other (each run's memory grows with its pages: a run at a time bounds the
    /// peak), and writes each language's <see cref="SearchBundles.ManifestName"/>, an empty
    /// list for a language without indexed pages. Each run sees a folder of its own holding
    /// hard links to its pages at their paths in the site, so its URLs are the site's.
    /// A bundle whose pages are all unchanged since a build stored it in <paramref name="cache"/>
    /// is taken from there and Pagefind does not run for it.
    /// A failure is one error, with the end of Pagefind's own report. Pagefind runs as a
    /// <see cref="ChildProcess"/>, so it dies with the generator instead of writing on into a
    /// staging folder nobody will swap in.
    public async Task<SearchIndexing> IndexAsync(
        string siteFolder, IEnumerable<string> languages, IReadOnlyList<SearchBundle> bundles, SearchCache cache, CancellationToken cancel)
    {
        var (indexed, reused) = (0, 0);
        foreach (var bundle in bundles)
        {
            var key = SearchCache.Key(Identity, bundle, siteFolder);
            var output = Path.Combine(siteFolder, bundle.Folder);
            if (cache.TryRestore(key, output))
            {
                reused++;
                continue;
            }

            var problem = await IndexAsync(siteFolder, bundle, cancel).ConfigureAwait(false);
            if (problem is not null)
                return new([problem], indexed, reused);
            indexed++;
            try
            {
                cache.Store(key, output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new([new Diagnostic(DiagnosticCodes.PhotoCache, Severity.Error, null,
                    $"cannot store the search bundle /{bundle.Folder}/ in the cache ({Reasons.Of(e)}); make the folder writable or pass another with --cache-dir")],
                    indexed, reused);
            }
        }

        foreach (var language in languages)
        {
            var folder = Path.Combine(siteFolder, BundleFolder, language);
            Directory.CreateDirectory(folder);
            var list = bundles.Where(b => b.Language == language).Select(b => $"{b.Number}/").ToList();
            await File.WriteAllTextAsync(Path.Combine(folder, SearchBundles.ManifestName), System.Text.Json.JsonSerializer.Serialize(list), cancel)
                .ConfigureAwait(false);
        }

        return new([], indexed, reused);
    }

    private async Task<Diagnostic?> IndexAsync(string siteFolder, SearchBundle bundle, CancellationToken cancel)
    {
        var pages = Path.Combine(siteFolder, $".index-{Guid.NewGuid():N}");
        var output = Path.Combine(siteFolder, bundle.Folder);
        ChildProcess.Result result;
        try
        {
            foreach (var page in bundle.Pages)
            {
                var link = Path.Combine(pages, page);
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                Engine.Modules.HardLinks.LinkOrCopy(Path.Combine(siteFolder, page), link);
            }

            // Pagefind reads pagefind.yml/.toml/.json from its working directory: the folder
            // of links holds none, so only the arguments below configure it.
            result = await ChildProcess.RunAsync(Binary, ["--site", ".", "--output-path", output, "--quiet"], pages, cancel)
                .ConfigureAwait(false);
        }
        catch (Win32Exception e)
        {
            return Failed($"Pagefind could not start ({Binary}): {e.Message}");
        }
        finally
        {
            if (Directory.Exists(pages))
                Directory.Delete(pages, recursive: true);
        }

        if (result.ExitCode == 0 && File.Exists(Path.Combine(output, "pagefind.js")))
        {
            foreach (var unused in UnusedFiles)
                File.Delete(Path.Combine(output, unused));
            return null;
        }

        var tail = string.Join(" ", (result.Errors + result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5));
        return Failed($"Pagefind failed (exit code {result.ExitCode}) while indexing the search bundle /{bundle.Folder}/{(tail.Length > 0 ? ": " + tail : "")}");
    }

    private static Diagnostic Failed(string message) =>
        new(DiagnosticCodes.SearchIndexFailed, Severity.Error, null, message);
}

/// What indexing did: its problems, the bundles Pagefind indexed and those taken from the cache.
public sealed record SearchIndexing(IReadOnlyList<Diagnostic> Diagnostics, int Indexed, int Reused);
