using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Markdown;
using Generator.Site;

namespace Generator.Modules;

/// Renders each page's Markdown body, numbers its photos (the front matter's images
/// first, then captioned images in the body), and records every link for CheckLinks.
/// With a <see cref="Theme.RenderMemo"/> (preview), an unchanged page reuses its last rendering and diagnostics.
public sealed class RenderMarkdown(MarkdownPages markdown, SiteConfig site, Theme.Theme theme, ImageSizes sizes, Theme.RenderMemo? memo = null) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
        Task.FromResult(ParallelMap.Documents(inputs, context, doc => Render(doc, context.Report)));

    /// One page (preview's quick rebuild renders an edited page alone).
    public Document Render(Document doc, Action<Diagnostic> report)
    {
        var matter = doc.Require<FrontMatter>(Keys.FrontMatter);
        var url = doc.Require<string>(Keys.Url);
        var relative = doc.Get<string>(ReadFiles.RelativePathKey) ?? "";
        var strings = theme.StringsFor(doc.Require<string>(Keys.Lang));
        var links = new List<LinkReference>();
        var figures = new List<Figure>();
        var diagnostics = new List<Diagnostic>();

        // An image as a site path with its query and fragment, or the https:// address the
        // front matter reader allowed; the views turn it into an href and an absolute URL.
        string? Place(string written, SourcePosition at)
        {
            var resolved = SitePaths.Resolve(written, url, relative);
            if (resolved is null)
                return written;
            if (resolved.Target is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LinkOutsideSite, Severity.Error, at,
                    $"'{written}' climbs above the site root; write a path from the site root such as /assets/images/2022/photo.jpg"));
                return null;
            }

            links.Add(new LinkReference(resolved.Target, written, IsImage: true, at));
            return resolved.Target + resolved.Suffix;
        }

        foreach (var image in matter.Images)
        {
            if (Place(image.Src, image.At) is { } placed)
            {
                var src = SitePaths.IsExternal(placed) ? placed : site.Href(placed);
                figures.Add(Figures.Make(figures.Count + 1, src, image.Alt, image.Caption, image.Credit, strings).WithSize(sizes.Of(src)));
            }
        }

        var cover = matter.Image is { } written && matter.ImageAt is { } coverAt ? Place(written, coverAt) : null;
        var source = new PageSource(doc.Source ?? "", relative, url, doc.Get<string>(Keys.Markdown) ?? "", figures.Count + 1);
        RenderedPage body;
        if (memo is null)
        {
            body = markdown.Render(source, strings, diagnostics);
        }
        else
        {
            // Rendering depends on the page's text and address, its strings and the site's base URL only.
            var fingerprint = Theme.RenderMemo.Hash(source.Markdown, source.Url, source.RelativePath, source.FirstFigureNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                site.BaseUrl.ToString(), Theme.RenderMemo.Key(strings));
            var (remembered, found) = memo.Remember("markdown:" + source.Source, fingerprint, () =>
            {
                var own = new List<Diagnostic>();
                return (markdown.Render(source, strings, own), (IReadOnlyList<Diagnostic>)own);
            });
            body = remembered;
            foreach (var diagnostic in found)
                diagnostics.Add(diagnostic);
        }

        foreach (var diagnostic in diagnostics)
            report(diagnostic);

        return doc.With([
            new(Keys.BodyHtml, body.Html),
            new(Keys.Links, (IReadOnlyList<LinkReference>)[.. links, .. body.Links]),
            new(Keys.Figures, (IReadOnlyList<Figure>)[.. figures, .. body.Figures]),
            new(Keys.PhotoCount, figures.Count),
            new(Keys.Cover, cover),
            new(Keys.Toc, body.Toc),
        ]);
    }
}
