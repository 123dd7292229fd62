using Generator.Engine;

namespace Generator.Modules;

/// Which lists the site has (all topics, each edition that has topics, the tags index and
/// each tag that has topics), one document each, for <see cref="CreateListPages"/> to make:
/// a change to the catalog plans again, which costs a look at its editions and tags.
public sealed class PlanListPages : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        // A theme without a list layout (a minimal or test theme) gets no list pages.
        if (SiteData.Theme(context).FindLayout("list") is null)
            return Task.FromResult(inputs);

        var site = SiteData.Site(context);
        var catalog = CreateCatalog.Read(context);
        var editions = site.Languages.SelectMany(l => catalog.Editions(l.Code).Select(e => e.Year)).Distinct().Order();
        var tags = site.Languages.SelectMany(l => catalog.Tags(l.Code).Select(t => t.Key)).ToHashSet(StringComparer.Ordinal);
        List<CreateListPages.Plan> plans =
        [
            new(CreateListPages.Plan.AllTopics),
            .. editions.Select(year => new CreateListPages.Plan(CreateListPages.Plan.OfEdition, Edition: year)),
            new(CreateListPages.Plan.TagIndex),
            .. SiteData.Taxonomy(context).Keys.Where(tags.Contains).Select(key => new CreateListPages.Plan(CreateListPages.Plan.OfTag, Tag: key)),
        ];
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. plans.Select(p => new Document { Source = "lists/" + p.Id }.With(Keys.ListPlan, p))]);
    }
}
