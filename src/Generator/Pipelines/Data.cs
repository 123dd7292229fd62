using Generator.Engine;
using Generator.Modules;

namespace Generator.Pipelines;

/// site.yml, taxonomy.yml, the layouts and the interface strings, loaded into documents
/// every other pipeline reads through <see cref="SiteData"/>: a save of one of them re-runs
/// only the steps that read what it changed, and their mistakes are module diagnostics.
public static class Data
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Data))
    {
        // The glossary is check's and preview's (issue 17): build leaves it unread.
        Process = { new LoadSiteData(build.Settings), new LoadGlossary(build.Settings, load: build.Settings.OutputFolder is null) },
    };
}
