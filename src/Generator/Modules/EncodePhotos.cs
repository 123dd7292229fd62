using Generator.Engine;
using Generator.Photos;
using Generator.Site;

namespace Generator.Modules;

/// Makes each photo's derivatives (issue 16), or takes them from the persistent cache when
/// an entry for the same original bytes, widths and encoder settings is there. Each photo is
/// a document of its own that reads its original through the context, so a preview makes a
/// photo again when its file changes in place, and no other. A photo libvips cannot decode
/// is an error at every place that names it; GPS coordinates in an original are a warning
/// naming the file.
public sealed class EncodePhotos(PhotoCache cache) : DocumentModule
{
    /// A derivative: the cache's file, and where it is published.
    public sealed record DerivativeFile(string CacheFile, string Destination);

    protected override Document? Execute(Document doc, BuildContext context)
    {
        if (doc.Get<IReadOnlyList<PhotoUse>>(Keys.PhotoUses) is not { Count: > 0 } uses || doc.SourceFile is not { } file)
            return doc;
        context.DependOnFile(file);
        var site = SiteData.Site(context);
        var sitePath = uses[0].SitePath;
        // The header as the pages read it (once per build and file; a session forgets changed files).
        if (Content.ImageSizes.PhotoOf(context, file, site.MaxImagePixels) is not { Header: { } header })
            return null; // RenderMarkdown reported it where each page names the photo

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var use in uses)
                context.Error(DiagnosticCodes.PhotoUnreadable, use.At, $"the photo {sitePath} cannot be read: {e.Message}");
            return null;
        }

        var widths = PhotoPlan.Widths(header.Width, site.ImageWidths);
        var formats = PhotoFormat.DerivedFrom(header.Format);
        var names = widths.SelectMany(w => formats.Select(f => (Width: w, Format: f, Name: PhotoCache.FileName(w, f)))).ToList();
        var key = PhotoCache.Key(bytes, widths);
        var entry = cache.Find(key, names.Select(n => n.Name));
        if (entry is null)
        {
            var (derivatives, problem) = PhotoEncoder.Encode(file, header, widths);
            if (problem is not null)
            {
                foreach (var use in uses)
                    context.Error(problem.Code, use.At, $"the photo {sitePath} {problem.Message}");
                return null;
            }

            try
            {
                entry = cache.Store(key, derivatives.Select(d => (PhotoCache.FileName(d.Width, d.Format), d.Bytes)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error(DiagnosticCodes.PhotoCache, doc.At(),
                    $"the photo's derivatives cannot be stored in the image cache {cache.Folder}: {e.Message}; make the folder writable or pass another with --cache-dir");
                return null;
            }
        }

        if (header.HasGps)
        {
            context.Warning(DiagnosticCodes.PhotoHasGps, doc.At(),
                "has GPS coordinates in its Exif data (where the photo was taken): the published derivatives carry none, "
                + (site.PublishOriginals ? "but publish_originals: true publishes this file as it is; " : "but the file itself is in the repository; ")
                + "remove them from the original, for example with exiftool -gps:all= " + Path.GetFileName(file));
        }

        return doc.With(Keys.Derivatives, (IReadOnlyList<DerivativeFile>)[.. names.Select(n =>
            new DerivativeFile(Path.Combine(entry, n.Name), PhotoPlan.PathOf(sitePath, n.Width, n.Format)))]);
    }
}
