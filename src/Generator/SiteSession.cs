using Generator.Engine;

namespace Generator;

/// A long-lived build of one site (preview): one engine session, and the loaded site
/// (settings, taxonomy, theme) kept while none of the files it was loaded from changed.
/// Each build is the same build path as `build`, re-running only what the changes reach.
public sealed class SiteSession(BuildSettings settings)
{
    private readonly BuildSession session = new();
    private SiteBuild? site;

    public BuildSettings Settings { get; } = settings;

    /// Builds after <paramref name="changes"/> (absolute paths; everything when null).
    public Task<BuildResult> RunAsync(IReadOnlyCollection<string>? changes, CancellationToken cancel)
    {
        var changed = changes is null ? ChangeSet.Everything : ChangeSet.Of(changes);
        var settings = Settings with { CancellationToken = cancel };
        if (site is null || changed.IsEverything || changed.Paths.Any(site.Loaded))
            site = new SiteBuild(settings);
        else
            site.ImageSizes.Forget(changed);
        return site.RunAsync(session, changed);
    }
}
