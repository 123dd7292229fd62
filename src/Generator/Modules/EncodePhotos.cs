using Generator.Content;
using Generator.Engine;
using Generator.Photos;
using Generator.Site;

namespace Generator.Modules;

/// Makes each photo's derivatives (issue 16), or takes them from the persistent cache when
/// an entry for the same original bytes, widths and encoder settings is there. Each photo is
/// a document of its own that reads its original through the context, so a preview makes a
/// photo again when its file changes in place, and no other. A photo libvips cannot decode
/// is an error at every place that names it; GPS coordinates in an original are a warning
/// naming the file. With <paramref name="onRequest"/> (preview) nothing is encoded here: a
/// derivative missing from the cache is made when it is first requested
/// (<see cref="DerivativeRequest"/>), so the page is served at once.
public sealed class EncodePhotos(PhotoCache cache, ImageSizes sizes, bool onRequest) : DocumentModule
{
    /// A derivative: the cache's file, where it is published, and, in a preview, how to make
    /// it when the cache does not have it (yet, or any more).
    public sealed record DerivativeFile(string CacheFile, string Destination, DerivativeRequest? Request);

    protected override Document? Execute(Document doc, BuildContext context)
    {
        if (doc.Get<IReadOnlyList<PhotoUse>>(Keys.PhotoUses) is not { Count: > 0 } uses || doc.SourceFile is not { } file)
            return doc;
        context.DependOnFile(file);
        var site = SiteData.Site(context);
        var sitePath = uses[0].SitePath;
        // The header and hash as the pages read them (once per build and file; a session
        // forgets changed files; a warm build takes both from the file's unchanged stamp).
        if (sizes.PhotoOf(context, file, site.MaxImagePixels) is not { Header: { } header, Hash: { } hash })
            return null; // RenderMarkdown reported it where each page names the photo

        var widths = PhotoPlan.Widths(header.Width, site.ImageWidths);
        var formats = PhotoFormat.DerivedFrom(header.Format);
        var names = widths.SelectMany(w => formats.Select(f => (Width: w, Format: f, Name: PhotoCache.FileName(w, f)))).ToList();
        var key = PhotoCache.Key(hash, widths);
        // The derivatives this result names are the cache's files: a result kept across builds
        // is made again when they are gone.
        context.DependOnFolder(Path.GetDirectoryName(cache.FileOf(key, PhotoCache.LogFile))!);
        var held = cache.Held(key);
        var missing = names.Select(n => n.Name).Where(n => !held.Contains(n)).ToHashSet(StringComparer.Ordinal);
        string? logged = null;
        if (missing.Count > 0 && !onRequest)
        {
            (var derivatives, var problem, logged) = PhotoEncoder.Encode(file, header, widths, (w, f) => missing.Contains(PhotoCache.FileName(w, f)));
            if (problem is not null)
            {
                foreach (var use in uses)
                    context.Error(problem.Code, use.At, $"the photo {sitePath} {problem.Message}");
                return null;
            }

            try
            {
                cache.Store(key, [.. derivatives.Select(d => (PhotoCache.FileName(d.Width, d.Format), d.Bytes)),
                    .. logged is null ? [] : new[] { (PhotoCache.LogFile, System.Text.Encoding.UTF8.GetBytes(logged)) }]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error(DiagnosticCodes.PhotoCache, doc.At(),
                    $"the photo's derivatives cannot be stored in the image cache {cache.Folder}: {Reasons.Of(e)}; make the folder writable or pass another with --cache-dir");
                return null;
            }

        }

        // libvips decoded the photo but logged what it found wrong (issue 16): said here, at every
        // place that names the photo, never as libvips' own lines on stderr.
        if ((logged is not null || held.Contains(PhotoCache.LogFile)) && ReadLog(cache.FileOf(key, PhotoCache.LogFile)) is { } log)
        {
            foreach (var use in uses)
                context.Warning(DiagnosticCodes.PhotoDecodedWithWarnings, use.At,
                    $"the photo {sitePath} is damaged: libvips read it with warnings ({log}); its derivatives were made but may show the damage, so export the photo again from the camera or editor");
        }

        if (header.HasGps)
        {
            context.Warning(DiagnosticCodes.PhotoHasGps, doc.At(),
                "has GPS coordinates in its Exif data (where the photo was taken): the published derivatives carry none, "
                + (doc.Get<string>(Keys.OriginalPublished) is { } why
                    ? $"but {why}, coordinates included; "
                    : "and the original is not published, but it stays in the repository for anyone who can read it; ")
                + "remove them from the original, for example with exiftool -gps:all= " + Path.GetFileName(file));
        }

        return doc.With(Keys.Derivatives, (IReadOnlyList<DerivativeFile>)[.. names.Select(n =>
        {
            var cached = cache.FileOf(key, n.Name);
            return new DerivativeFile(cached, PhotoPlan.PathOf(sitePath, n.Width, n.Format),
                // Every derivative of a preview says how to make it, in the cache or not yet, so
                // the build's documents do not depend on what the cache held at the time.
                onRequest ? new DerivativeRequest(file, hash, header, widths, n.Width, n.Format, cached) : null);
        })]);
    }

    private static string? ReadLog(string file)
    {
        try
        {
            return File.ReadAllText(file).Trim() is { Length: > 0 } text ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
