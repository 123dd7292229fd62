using System.Collections.Frozen;
using Generator.Engine;
using Generator.Theme;

namespace Generator.Preview;

/// One preview session: builds the site in memory (nothing is written to disk), keeps
/// the last good build's files to serve, and the diagnostics of the last failed one for
/// the error overlay. Rebuilds share a <see cref="RenderMemo"/>, so only the pages an
/// edit affects are rendered again.
public sealed class PreviewSite(BuildSettings settings)
{
    private readonly SemaphoreSlim building = new(1, 1);
    private readonly RenderMemo memo = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// The files of the last build that succeeded.
    public FrozenDictionary<string, PreviewFile> Files { get; private set; } = FrozenDictionary<string, PreviewFile>.Empty;

    /// Errors and warnings of the last build; the overlay shows them while it has errors.
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// Counts finished builds; open pages reload when it moves past the one they were served with.
    public int Version { get; private set; }

    /// Pages rendered by the last build (the rest were unchanged).
    public IReadOnlyList<string> LastRendered { get; private set; } = [];

    public TimeSpan LastElapsed { get; private set; }

    /// Completes at the next finished build.
    public Task Changed => Volatile.Read(ref changed).Task;

    public async Task<BuildResult> RebuildAsync(CancellationToken cancel)
    {
        await building.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var result = await new SiteBuild(settings with
            {
                OutputFolder = null,
                RenderMemo = memo,
                CancellationToken = cancel,
            }).RunAsync().ConfigureAwait(false);
            if (result.Succeeded)
                Files = Collect(result);
            Diagnostics = result.Diagnostics;
            LastRendered = memo.TakeRendered();
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

    private static FrozenDictionary<string, PreviewFile> Collect(BuildResult result) =>
        result.Outputs.Values.SelectMany(d => d)
            .Where(d => d.Destination.Length > 0)
            .GroupBy(d => d.Destination, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => new PreviewFile(g.First().Content, g.First().SourceFile), StringComparer.Ordinal);
}
