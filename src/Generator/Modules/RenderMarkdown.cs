using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Markdown;
using Generator.Site;

namespace Generator.Modules;

/// Renders each page's Markdown body, numbers its photos (the front matter's images
/// first, then captioned images in the body), and records every link for CheckLinks.
/// Every photo's pixel size is read from its file, and the file is recorded as a dependency
/// of the page, so replacing a photo renders the pages that show it again.
public sealed class RenderMarkdown(ImageSizes sizes) : DocumentModule
{
    protected override Document? Execute(Document doc, BuildContext context)
    {
        var matter = doc.Require<FrontMatter>(Keys.FrontMatter);
        var url = doc.Require<string>(Keys.Url);
        var relative = doc.Get<string>(ReadFiles.RelativePathKey) ?? "";
        var site = SiteData.Site(context);
        var strings = SiteData.MarkdownStrings(context, doc.Require<string>(Keys.Lang));
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
            if (image.Placeholder)
                figures.Add(Figures.Make(figures.Count + 1, "", image.Alt, image.Caption, image.Credit, strings) with { Placeholder = true });
            else if (Place(image.Src, image.At) is { } placed)
            {
                var src = SitePaths.IsExternal(placed) ? placed : site.Href(placed);
                figures.Add(Figures.Make(figures.Count + 1, src, image.Alt, image.Caption, image.Credit, strings).WithSize(sizes.Of(src, site.BasePath)));
            }
        }

        // A placeholder's file is never shown, not even as the link preview's image.
        var cover = matter.Image is { } written && matter.ImageAt is { } coverAt && !matter.Images.Any(i => i.Placeholder && i.Src == written)
            ? Place(written, coverAt)
            : null;
        var source = new PageSource(doc.Source ?? "", relative, url, doc.Get<string>(Keys.Markdown) ?? "", figures.Count + 1,
            doc.Get<IReadOnlyList<SectionId>>(Keys.OriginalSectionIds));
        var body = SiteData.Markdown(context).Render(source, strings, diagnostics);
        foreach (var diagnostic in diagnostics)
            context.Report(diagnostic);
        foreach (var figure in figures.Concat(body.Figures).Where(f => !f.Placeholder))
        {
            if (sizes.FileOf(figure.Src, site.BasePath) is { } file)
                context.DependOnFile(file);
        }

        return doc.With([
            new(Keys.BodyHtml, body.Html),
            new(Keys.Links, (IReadOnlyList<LinkReference>)[.. links, .. body.Links]),
            new(Keys.Figures, (IReadOnlyList<Figure>)[.. figures, .. body.Figures]),
            new(Keys.PhotoCount, figures.Count),
            new(Keys.Cover, cover),
            new(Keys.Toc, body.Toc),
            new(Keys.SectionIds, body.Sections ?? []),
        ]);
    }
}
