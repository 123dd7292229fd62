using Generator.Engine;
using Generator.Photos;
using Generator.Site;

namespace Generator.Modules;

/// The photos the pages show (issue 16), one document each, with every place that names
/// it; the originals among the assets are left out of the output unless site.yml says
/// publish_originals: true (they carry the camera's Exif, often where it was taken). It reads
/// only each page's photo list, so a body edit that keeps the photos leaves it be.
public sealed class CollectPhotos : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        // Besides the photos, the files a page links to (an inline image that is no figure, a
        // download link): a photo's original that is linked so is published as it is.
        var pages = context.OutputsOf(nameof(Pipelines.Content), "photo uses", d => (
            Photos: d.Get<IReadOnlyList<PhotoUse>>(Keys.Photos) ?? [],
            Linked: (IReadOnlyList<string>)[.. (d.Get<IReadOnlyList<Content.LinkReference>>(Keys.Links) ?? [])
                .Select(l => l.Target.TrimStart('/')).Where(t => t.StartsWith("assets/", StringComparison.Ordinal))]));
        if (pages.All(p => p.Photos.Count == 0))
            return Task.FromResult(inputs);

        var byFile = pages.SelectMany(p => p.Photos).GroupBy(u => u.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shown = byFile.Select(g => g.First().SitePath).ToHashSet(StringComparer.Ordinal);
        shown.ExceptWith(pages.SelectMany(p => p.Linked));
        var sources = inputs.Where(d => d.SourceFile is not null).GroupBy(d => d.SourceFile!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
        var photos = byFile.Select(g => new Document
        {
            Source = sources.GetValueOrDefault(g.Key) ?? g.First().SitePath,
            SourceFile = g.Key,
        }.With([
            new(Keys.PhotoUses, (IReadOnlyList<PhotoUse>)[.. g.OrderBy(u => u.At.Path, StringComparer.Ordinal).ThenBy(u => u.At.Line).ThenBy(u => u.At.Column)]),
        ]));
        var kept = SiteData.Site(context).PublishOriginals ? inputs : inputs.Where(d => !shown.Contains(d.Destination));
        return Task.FromResult<IReadOnlyList<Document>>([.. kept, .. photos]);
    }
}
