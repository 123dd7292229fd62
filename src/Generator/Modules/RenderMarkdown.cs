using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Markdown;
using Generator.Photos;
using Generator.Site;

namespace Generator.Modules;

/// Renders each page's Markdown body, numbers its photos (the front matter's images
/// first, then captioned images in the body), and records every link for CheckLinks.
/// Every photo's pixel size is read from its file, and the file is recorded as a dependency
/// of the page, so replacing a photo renders the pages that show it again.
public sealed class RenderMarkdown(ImageSizes sizes, bool absentAsPlaceholders = false) : DocumentModule
{
    protected override Document? Execute(Document doc, BuildContext context)
    {
        var matter = doc.Require<FrontMatter>(Keys.FrontMatter);
        var url = doc.Require<string>(Keys.Url);
        var relative = doc.Get<string>(ReadFiles.RelativePathKey) ?? "";
        var site = SiteData.Site(context);
        var strings = SiteData.Strings(context, nameof(MarkdownPages), doc.Require<string>(Keys.Lang));
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

        // Photos (issue 16): each JPEG, PNG or WebP a page shows gets derivatives in the widths
        // of site.yml and the sizes of the page's layout; a photo libvips refuses is an error here.
        var photoSizes = SiteData.PhotoSizes(context, RenderLayouts.LayoutName(doc));
        var uses = new List<PhotoUse>();
        var eagerTaken = false;
        var absentAt = new HashSet<SourcePosition>();

        (PhotoHeader Header, string SitePath)? Photo(string href, SourcePosition at)
        {
            if (SitePaths.IsExternal(href) || sizes.FileOf(href, site.BasePath) is not { } file || sizes.PhotoOf(context, file, site.MaxImagePixels) is not { } probe)
                return null;
            if (probe.Problem is { } problem)
            {
                diagnostics.Add(new Diagnostic(problem.Code, Severity.Error, at, $"the photo {ImageSizes.SitePathOf(href, site.BasePath)} {problem.Message}"));
                return null;
            }

            var sitePath = ImageSizes.SitePathOf(href, site.BasePath);
            uses.Add(new PhotoUse(file, sitePath, at));
            return (probe.Header!, sitePath);
        }

        Figure Dress(Figure figure)
        {
            var eager = !figure.Placeholder && !eagerTaken;
            eagerTaken |= eager;
            figure = figure with { Eager = eager };
            if (figure.Placeholder)
                return figure;
            // Preview (issue 15): a figure whose file is not there yet is its caption and credit
            // with the placeholder notice; build still stops at it (CheckLinks' GEN021).
            if (absentAsPlaceholders && figure.At is { } missingAt && sizes.FileOf(figure.Src, site.BasePath) is { } expected && !File.Exists(expected))
            {
                context.DependOnFile(expected);
                absentAt.Add(missingAt);
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingImage, Severity.Warning, missingAt,
                    $"no image at {ImageSizes.SitePathOf(figure.Src, site.BasePath)}; preview shows the figure's caption and credit with the placeholder notice, and build reports it as an error: add the file, or write 'placeholder: true'"));
                return figure with { Placeholder = true, Eager = false, PlaceholderNotice = strings.Used("photo_placeholder", "for a figure whose image is missing", context) ?? "" };
            }

            // A photo's size is its header's (read once for its derivatives); another image's, its file's.
            if (figure.At is not { } at || Photo(figure.Src, at) is not { } photo)
                return figure.WithSize(sizes.Of(context, figure.Src, site.BasePath));
            var (header, sitePath) = photo;
            var widths = PhotoPlan.Widths(header.Width, site.ImageWidths);
            var formats = PhotoFormat.DerivedFrom(header.Format);
            var ratio = ((double)header.Width / header.Height).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
            var picture = new Picture(
                [.. formats.Select(f => new PictureSource(f.MimeType, string.Join(", ", widths.Select(w =>
                    site.Href("/" + PhotoPlan.PathOf(sitePath, w, f)) + " " + w.ToString(System.Globalization.CultureInfo.InvariantCulture) + "w"))))],
                photoSizes.Replace("{ratio}", ratio, StringComparison.Ordinal),
                widths[^1],
                PhotoPlan.Height(header, widths[^1]));
            return figure with
            {
                Src = site.Href("/" + PhotoPlan.PathOf(sitePath, PhotoPlan.FallbackWidth(widths), formats[^1])),
                Picture = picture,
                Width = picture.Width,
                Height = picture.Height,
            };
        }

        foreach (var image in matter.Images)
        {
            if (image.Placeholder)
                figures.Add(Dress(Figures.Make(figures.Count + 1, "", image.Alt, image.Caption, image.Credit, strings) with { Placeholder = true }));
            else if (Place(image.Src, image.At) is { } placed)
            {
                var src = SitePaths.IsExternal(placed) ? placed : site.Href(placed);
                figures.Add(Dress(Figures.Make(figures.Count + 1, src, image.Alt, image.Caption, image.Credit, strings) with { At = image.At }));
            }
        }

        // A placeholder's file is never shown, not even as the link preview's image; a photo's
        // link preview is its fallback derivative (the original is not published).
        var cover = matter.Image is { } written && matter.ImageAt is { } coverAt && !matter.Images.Any(i => i.Placeholder && i.Src == written)
            ? Place(written, coverAt)
            : null;
        var coverFile = cover is not null && !SitePaths.IsExternal(cover) ? sizes.FileOf(site.Href(cover), site.BasePath) : null;
        if (cover is not null && matter.ImageAt is { } coverPosition && !SitePaths.IsExternal(cover) && Photo(site.Href(cover), coverPosition) is { } coverPhoto)
        {
            var widths = PhotoPlan.Widths(coverPhoto.Header.Width, site.ImageWidths);
            cover = "/" + PhotoPlan.PathOf(coverPhoto.SitePath, PhotoPlan.FallbackWidth(widths), PhotoFormat.DerivedFrom(coverPhoto.Header.Format)[^1]);
        }

        var source = new PageSource(doc.Source ?? "", relative, url, doc.Get<string>(Keys.Markdown) ?? "", figures.Count + 1,
            doc.Get<IReadOnlyList<SectionId>>(Keys.OriginalSectionIds));
        var body = SiteData.Markdown(context).Render(source, strings, diagnostics, Dress);
        foreach (var diagnostic in diagnostics)
            context.Report(diagnostic);
        foreach (var figure in figures.Concat(body.Figures).Concat(body.InlineImages).Where(f => !f.Placeholder && f.Picture is null))
        {
            if (sizes.FileOf(figure.Src, site.BasePath) is { } file)
                context.DependOnFile(file);
        }

        foreach (var use in uses)
            context.DependOnFile(use.File);
        if (coverFile is not null)
            context.DependOnFile(coverFile); // a cover that failed as a photo is read again when it changes

        // A photo with derivatives is checked by the Assets pipeline, which makes them; its
        // original is no longer a file the page links to.
        var photoPlaces = uses.Select(u => u.At).ToHashSet();
        return doc.With([
            new(Keys.BodyHtml, body.Html),
            new(Keys.Links, (IReadOnlyList<LinkReference>)[.. links.Concat(body.Links).Where(l => !(l.IsImage && (photoPlaces.Contains(l.At) || absentAt.Contains(l.At))))]),
            new(Keys.Photos, (IReadOnlyList<PhotoUse>)uses),
            new(Keys.Figures, (IReadOnlyList<Figure>)[.. figures, .. body.Figures]),
            new(Keys.PhotoCount, figures.Count),
            new(Keys.Cover, cover),
            new(Keys.Toc, body.Toc),
            new(Keys.SectionIds, body.Sections ?? []),
        ]);
    }
}
