using Generator.Engine;
using Generator.Photos;
using Generator.Site;

namespace Generator.Modules;

/// The photos the pages show (issue 16), one document each, with every place that names
/// it; the originals among the inputs are left out of the output unless site.yml says
/// publish_originals: true (they carry the camera's Exif, often where it was taken) or a
/// page links to the file itself. The inputs are input/assets/ and theme/assets/, and the
/// photos in language folders (input/en/topics/2022/well.jpg), which are published only as
/// derivatives, when a page shows them: one that no page shows or links to is a warning and
/// is not published. So is a photo under input/assets/ that no page shows or links to
/// (GEN121): published as it is, it would carry its Exif (GPS too) and any damage unchecked;
/// site.yml's allowed_assets publishes one on purpose (a photo a stylesheet uses). It reads only each page's photo list and photo links, so a body edit
/// that keeps the photos leaves it be.
public sealed class CollectPhotos(string inputAssets) : IModule
{
    private readonly string inputAssets = Path.GetFullPath(inputAssets).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        // Besides the photos, the photo files a page links to (an inline image that is no
        // figure, a download link): a photo's original that is linked so is published as it is.
        var pages = context.OutputsOf(nameof(Pipelines.Content), "photo uses", d => (
            Photos: d.Get<IReadOnlyList<PhotoUse>>(Keys.Photos) ?? [],
            Linked: (IReadOnlyList<string>)[.. (d.Get<IReadOnlyList<Content.LinkReference>>(Keys.Links) ?? [])
                .Select(l => l.Target.TrimStart('/')).Where(t => PhotoFormat.OfExtension(t) is not null)]));

        var byFile = pages.SelectMany(p => p.Photos).GroupBy(u => u.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shown = byFile.Select(g => g.First().SitePath).ToHashSet(StringComparer.Ordinal);
        var linked = pages.SelectMany(p => p.Linked).ToHashSet(StringComparer.Ordinal);
        var site = SiteData.Site(context);
        var publishOriginals = byFile.Count > 0 && site.PublishOriginals;
        var kept = new List<Document>(inputs.Count + byFile.Count);
        foreach (var doc in inputs)
        {
            if (linked.Contains(doc.Destination) || (shown.Contains(doc.Destination) ? publishOriginals : !InLanguageFolder(doc) && !UnshownAsset(doc, site)))
            {
                kept.Add(doc);
            }
            else if (!shown.Contains(doc.Destination))
            {
                // Not written, but a mistyped image still finds it ("did you mean").
                kept.Add(doc.With(Keys.NotPublishedAt, doc.Destination) with { Destination = "" });
                ReportNotShown(doc, context);
            }
        }

        var sources = inputs.Where(d => d.SourceFile is not null).GroupBy(d => d.SourceFile!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
        kept.AddRange(byFile.Select(g =>
        {
            var photo = new Document
            {
                Source = sources.GetValueOrDefault(g.Key) ?? g.First().SitePath,
                SourceFile = g.Key,
            }.With([
                new(Keys.PhotoUses, (IReadOnlyList<PhotoUse>)[.. g.OrderBy(u => u.At.Path, StringComparer.Ordinal).ThenBy(u => u.At.Line).ThenBy(u => u.At.Column)]),
            ]);
            var why = linked.Contains(g.First().SitePath) ? "a page links to the file itself, so it is published as it is"
                : publishOriginals ? "publish_originals: true publishes the file as it is"
                : null;
            return why is null ? photo : photo.With(Keys.OriginalPublished, why);
        }));
        return Task.FromResult<IReadOnlyList<Document>>(kept);
    }

    private static void ReportNotShown(Document doc, BuildContext context)
    {
        if (InLanguageFolder(doc))
        {
            context.Warning(DiagnosticCodes.NotMarkdown, doc.At(), ReportNonMarkdown.PhotoNotShown);
            return;
        }

        context.Warning(DiagnosticCodes.PhotoNotShown, doc.At(),
            "is a photo that no page shows or links to, so it is not published (as it is, it would carry the camera's Exif data, "
            + "often where it was taken); show it on a page (images:, or a Markdown image), link to it, or delete it; "
            + $"to publish it as it is on purpose, list it in site.yml: allowed_assets: [{doc.Destination}]");
    }

    /// A photo of input/assets/ (not of theme/assets/) that site.yml does not allow as it is;
    /// called for files no page shows or links to.
    private bool UnshownAsset(Document doc, SiteConfig site) =>
        doc.SourceFile is { } file && file.StartsWith(inputAssets, StringComparison.Ordinal)
        && PhotoFormat.OfExtension(file) is not null && !site.AllowedAssets.Contains(doc.Destination);

    /// A photo read from a language folder (Assets places the others under assets/).
    public static bool InLanguageFolder(Document doc) => !doc.Destination.StartsWith("assets/", StringComparison.Ordinal);
}
