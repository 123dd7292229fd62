using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Modules;

namespace Generator.Pipelines;

/// A search page per language. The index itself is made after the Output phase, over the
/// written pages (<see cref="Generator.Search.Pagefind"/>, run by <see cref="SiteBuild"/>).
public static class Search
{
    public static Pipeline Create(SiteBuild build) => new(nameof(Search))
    {
        Dependencies = { nameof(Data) },
        Process = { new CreateSearchPages(indexed: build.Indexer is not null, build.MissingIndexer) },
        PostProcess = { new RenderLayouts() },
        Output = { new WriteFiles() },
    };
}
