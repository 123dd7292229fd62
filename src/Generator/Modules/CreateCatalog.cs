using Generator.Engine;
using Generator.Theme;

namespace Generator.Modules;

/// The topic catalog, made once per build from the Content pipeline's pages as lists show
/// them (<see cref="TopicCatalog.Reads"/>): list pages and every layout read this one
/// document, and in a session it is made again only when some page's listed metadata,
/// or the views it is made with, changed.
public sealed class CreateCatalog : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var catalog = SiteData.Views(context).Catalog(context.OutputsOf(nameof(Pipelines.Content), TopicCatalog.Reads));
        return Task.FromResult<IReadOnlyList<Document>>([new Document { Source = "catalog/topics" }.With(Keys.Catalog, catalog)]);
    }

    /// The catalog of this build, for a step of a pipeline that runs after the Catalog's Process.
    public static TopicCatalog Read(BuildContext context) =>
        context.OutputsOf(nameof(Pipelines.Catalog)).Single().Require<TopicCatalog>(Keys.Catalog);
}
