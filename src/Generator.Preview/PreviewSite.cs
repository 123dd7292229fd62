using System.Collections.Immutable;
using System.Diagnostics;
using Generator.Engine;
using Generator.Incremental;
using Generator.Theme;

namespace Generator.Preview;

/// One preview session: builds the site in memory (nothing is written to disk), keeps
/// the last good build's files to serve, and the diagnostics of the last failed one for
/// the error overlay. A save that only changes the body of existing pages is applied by
/// <see cref="QuickRebuild"/> (those pages alone); anything else is a full build that
/// shares a <see cref="RenderMemo"/> with the earlier ones, so only the pages an edit
/// affects are rendered again.
public sealed class PreviewSite(BuildSettings settings)
{
    private readonly SemaphoreSlim building = new(1, 1);
    private readonly RenderMemo memo = new();
    private readonly FileSnapshot snapshot = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private QuickRebuild? quick;

    /// The files of the last build that succeeded. Replaced as a whole, so a request never
    /// sees half of a build.
    public ImmutableDictionary<string, PreviewFile> Files { get; private set; } = ImmutableDictionary<string, PreviewFile>.Empty;

    /// Errors and warnings of the last build; the overlay shows them while it has errors.
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// Counts finished builds; open pages reload when it moves past the one they were served with.
    public int Version { get; private set; }

    /// Pages rendered by the last build (the rest were unchanged).
    public IReadOnlyList<string> LastRendered { get; private set; } = [];

    public TimeSpan LastElapsed { get; private set; }

    /// True when the last build was a quick one (only edited pages' bodies).
    public bool LastWasQuick { get; private set; }

    /// Completes at the next finished build.
    public Task Changed => Volatile.Read(ref changed).Task;

    /// A full build.
    public Task<BuildResult> RebuildAsync(CancellationToken cancel) => UpdateAsync(null, cancel);

    /// Brings the site up to date after <paramref name="paths"/> (absolute) changed: a quick
    /// rebuild when they are body edits only, else a full build (always when null).
    public async Task<BuildResult> UpdateAsync(IReadOnlyCollection<string>? paths, CancellationToken cancel)
    {
        await building.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var clock = Stopwatch.StartNew();
            if (paths is not null && quick?.TryApply(paths) is var (next, pages))
            {
                quick = next;
                Files = Files.SetItems(pages.Select(d => KeyValuePair.Create(d.Destination, new PreviewFile(d.Content, d.SourceFile))));
                Finish(pages.Select(d => d.Destination).Order(StringComparer.Ordinal).ToList(), clock.Elapsed, wasQuick: true);
                return new BuildResult(Diagnostics, new Dictionary<string, IReadOnlyList<Document>>(), clock.Elapsed, []);
            }

            var build = new SiteBuild(settings with
            {
                OutputFolder = null,
                RenderMemo = memo,
                Snapshot = snapshot,
                CancellationToken = cancel,
            });
            var result = await build.RunAsync().ConfigureAwait(false);
            if (result.Succeeded)
            {
                Files = Collect(result);
                quick = QuickRebuild.From(build, result);
                _ = quick.WarmAsync();
            }
            else
            {
                quick = null;
            }

            Diagnostics = result.Diagnostics;
            Finish(memo.TakeRendered(), result.Elapsed, wasQuick: false);
            return result;
        }
        finally
        {
            building.Release();
        }
    }

    private void Finish(IReadOnlyList<string> rendered, TimeSpan elapsed, bool wasQuick)
    {
        LastRendered = rendered;
        LastElapsed = elapsed;
        LastWasQuick = wasQuick;
        Version++;
        Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private static ImmutableDictionary<string, PreviewFile> Collect(BuildResult result) =>
        result.Outputs.Values.SelectMany(d => d)
            .Where(d => d.Destination.Length > 0)
            .GroupBy(d => d.Destination, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => new PreviewFile(g.First().Content, g.First().SourceFile), StringComparer.Ordinal);
}
