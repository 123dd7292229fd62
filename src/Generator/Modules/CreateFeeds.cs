using Generator.Engine;

namespace Generator.Modules;

/// The feeds of every language (<see cref="FeedWriter"/>), made from the settings, taxonomy
/// and the feeds' strings the Data pipeline loaded (a layout edit leaves them be).
public sealed class CreateFeeds : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
        new FeedWriter(SiteData.Site(context), SiteData.Taxonomy(context), lang => SiteData.Strings(context, nameof(FeedWriter), lang)).Make(inputs, context);
}
