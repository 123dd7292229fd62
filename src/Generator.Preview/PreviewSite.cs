using System.Diagnostics;
using Generator.Engine;

namespace Generator.Preview;

/// One preview session: builds the site in memory (nothing is written to disk) through a
/// <see cref="SiteSession"/>, the same build path as `build`, re-running only what the saved
/// changes reach; keeps the last good build's files to serve, and the diagnostics of the
/// last failed one for the error overlay.
public sealed class PreviewSite(BuildSettings settings)
{
    private readonly SemaphoreSlim building = new(1, 1);
    // Photos are encoded when first requested, so the first build serves its pages at once.
    private readonly SiteSession session = new(settings with { OutputFolder = null, EncodeOnRequest = true, AbsentPhotosAsPlaceholders = true });
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Photos.PhotoProblem?>>> encoding = new(StringComparer.Ordinal);
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// The files of the last build that succeeded. Replaced as a whole, so a request never
    /// sees half of a build.
    public IReadOnlyDictionary<string, PreviewFile> Files { get; private set; } = new Dictionary<string, PreviewFile>();

    /// The last build's result, failed or not: the translators' pages (<see cref="TranslationView"/>)
    /// are made from its pages and diagnostics on request.
    public BuildResult? Result { get; private set; }

    /// The input folder (absolute), where the translation records are.
    public string InputFolder { get; } = Path.GetFullPath(settings.InputFolder);

    /// Diagnostics name files relative to this folder.
    public string DisplayRoot => settings.DisplayRoot;

    /// Errors and warnings of the last build; the overlay shows them while it has errors.
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// Counts finished builds; open pages reload when it moves past the one they were served with.
    public int Version { get; private set; }

    /// Pages the last build laid out again (the rest were reused).
    public IReadOnlyList<string> LastRendered { get; private set; } = [];

    public TimeSpan LastElapsed { get; private set; }

    /// Completes at the next finished build.
    public Task Changed => Volatile.Read(ref changed).Task;

    /// A build that reads everything again.
    public Task<BuildResult> RebuildAsync(CancellationToken cancel) => UpdateAsync(null, cancel);

    /// Brings the site up to date after <paramref name="paths"/> (absolute) changed;
    /// null when the watcher lost track (everything is read again).
    public async Task<BuildResult> UpdateAsync(IReadOnlyCollection<string>? paths, CancellationToken cancel)
    {
        await building.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var result = await session.RunAsync(paths, cancel).ConfigureAwait(false);
            // An editor's tool may save a large photo in chunks with pauses longer than the
            // watcher's quiet time, so a build between two reads a cut-short file (issue 14).
            // Such a result is not shown: once the saved files hold still they are built again
            // (the rest of the site is reused), and a photo that stays cut short is reported.
            // Always again, not only when a file moved while waiting: the last chunk may have
            // landed while the first build ran, before any waiting began.
            if (paths is not null && result.Diagnostics.Any(d => d.Code == DiagnosticCodes.PhotoUnreadable))
            {
                await SettledFiles.WaitUntilStillAsync(paths, cancel).ConfigureAwait(false);
                result = await session.RunAsync(paths, cancel).ConfigureAwait(false);
            }
            if (result.Succeeded)
                Files = Collect(result);
            Diagnostics = result.Diagnostics;
            Result = result;
            LastRendered = [.. result.Rerun.Where(r => r.Module == nameof(Modules.RenderLayouts) && r.Document is not null).Select(r => r.Document!).Order(StringComparer.Ordinal)];
            LastElapsed = result.Elapsed;
            Version++;
            Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return result;
        }
        finally
        {
            building.Release();
        }
    }

    /// Makes a derivative the build left for its first request, into the image cache; the
    /// requests that ask for it meanwhile wait for the same encoding. Null when it is there.
    public async Task<Photos.PhotoProblem?> EncodeAsync(Photos.DerivativeRequest request)
    {
        var made = encoding.GetOrAdd(request.CacheFile, _ => new(() => Task.Run(() => Photos.PhotoCache.Make(request))));
        try
        {
            return await made.Value.ConfigureAwait(false);
        }
        finally
        {
            // The file is in the cache now (or failed, and a later request tries again).
            encoding.TryRemove(new(request.CacheFile, made));
        }
    }

    /// A new dictionary each build, never changed once published.
    private static Dictionary<string, PreviewFile> Collect(BuildResult result)
    {
        var files = new Dictionary<string, PreviewFile>(StringComparer.Ordinal);
        foreach (var doc in result.Outputs.Values.SelectMany(d => d))
        {
            if (doc.Destination.Length > 0)
                files.TryAdd(doc.Destination, new PreviewFile(doc.Content, doc.SourceFile, doc.Get<Photos.DerivativeRequest>(Keys.EncodeOnRequest)));
        }

        return files;
    }
}
