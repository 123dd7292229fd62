using Generator.Engine;

namespace Generator;

/// A long-lived build of one site (preview): one engine session over one SiteBuild. Each
/// build is the same build path as `build`, re-running only what the changes reach; a
/// change to site.yml, taxonomy.yml, a layout or a string file is a change like any other,
/// reaching the steps that read what it changed (the Data pipeline).
public sealed class SiteSession(BuildSettings settings)
{
    private readonly BuildSession session = new();
    private SiteBuild? site;

    public BuildSettings Settings { get; } = settings;

    /// Builds after <paramref name="changes"/> (absolute paths; everything when null).
    public Task<BuildResult> RunAsync(IReadOnlyCollection<string>? changes, CancellationToken cancel)
    {
        var changed = changes is null ? ChangeSet.Everything : ChangeSet.Of(changes);
        site ??= new SiteBuild(Settings with { CancellationToken = cancel });
        return site.RunAsync(session, changed, cancel);
    }
}
