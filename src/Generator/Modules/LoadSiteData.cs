using Generator.Content;
using Generator.Engine;
using Generator.Markdown;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

/// Loads the site's settings, taxonomy and theme into one document each, plus what is
/// made from them alone (the front-matter reader, the Markdown pipeline, the page views).
/// Each document's fingerprint is that of what it was made from, so when a save changes
/// one file the others come out equal and the engine keeps their earlier objects: a layout
/// edit leaves the settings, the taxonomy and every step that reads only those untouched.
public sealed class LoadSiteData(BuildSettings settings) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        ThemeLoader.StartParser();
        var diagnostics = new List<Diagnostic>();
        var siteFile = Path.Combine(settings.InputFolder, "site.yml");
        context.DependOnFile(siteFile);
        var site = SiteConfigLoader.Load(siteFile, Display(siteFile), diagnostics);
        if (settings.BaseUrl is { } baseUrl)
            site = site with { BaseUrl = baseUrl };
        site = site with { Pdf = Pdf.PdfStep.Wanted(settings, site.Pdf, diagnostics) };
        // The theme depends on the settings alone: it loads on the other core while the rest is read.
        var themeDiagnostics = new List<Diagnostic>();
        var loading = Task.Run(() => ThemeLoader.Load(settings.ThemeFolder, settings.DisplayRoot, site, themeDiagnostics));
        var siteFingerprint = Fingerprints.Of(site);

        var taxonomyFile = Path.Combine(settings.InputFolder, "taxonomy.yml");
        context.DependOnFile(taxonomyFile);
        var taxonomy = Taxonomy.Load(taxonomyFile, Display(taxonomyFile), site, diagnostics);
        var taxonomyFingerprint = Fingerprints.Of((siteFingerprint, Bytes(taxonomyFile), LinkTarget(taxonomyFile)));
        var frontMatter = new FrontMatterReader(taxonomy);

        var themeFiles = new List<(string, string?, string?)>();
        foreach (var folder in new[] { "layouts", "i18n" }.Select(f => Path.Combine(settings.ThemeFolder, f)))
        {
            context.DependOnFolder(folder);
            foreach (var file in Files(folder))
            {
                context.DependOnFile(file);
                themeFiles.Add((DisplayPaths.Separators(Path.GetRelativePath(settings.ThemeFolder, file)), Bytes(file), LinkTarget(file)));
            }
        }

        var markdown = new MarkdownPages(site);
        var theme = loading.GetAwaiter().GetResult();
        diagnostics.AddRange(themeDiagnostics);
        // The same bytes can load differently (a layout linked outside the theme is refused):
        // what the loader said is part of what the theme was made from.
        var themeFingerprint = Fingerprints.Of((siteFingerprint, themeFiles, themeDiagnostics));

        var photoSizes = new SiteData.PhotoSizesByLayout(theme.Layouts.Keys.ToDictionary(name => name, theme.PhotoSizes, StringComparer.Ordinal));
        var views = new PageViews(site, taxonomy, theme, Fingerprints.Combine(taxonomyFingerprint, themeFingerprint));
        foreach (var diagnostic in diagnostics)
            context.Report(diagnostic);
        return Task.FromResult<IReadOnlyList<Document>>(
        [
            SiteData.Make(SiteData.SiteName, site, siteFingerprint),
            SiteData.Make(SiteData.TaxonomyName, taxonomy, taxonomyFingerprint),
            // Reading front matter depends on the tag keys alone, not on their names.
            SiteData.Make(SiteData.FrontMatterName, frontMatter, Fingerprints.Of(frontMatter.TaxonomyKey)),
            SiteData.Make(SiteData.MarkdownName, markdown, siteFingerprint),
            SiteData.Make(SiteData.ThemeName, theme, themeFingerprint),
            SiteData.Make(SiteData.ViewsName, views, views.Fingerprint),
            SiteData.Make(SiteData.PhotoSizesName, photoSizes, Fingerprints.Of(photoSizes)),
            .. SiteData.StringDocuments(site, theme),
        ]);
    }

    private string Display(string file) => DisplayPaths.Of(settings.DisplayRoot, file);

    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];

    /// Where a symbolic link leads (a link moved to another file with the same bytes is a change).
    private static string? LinkTarget(string file)
    {
        try
        {
            return new FileInfo(file).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// A file's bytes for the fingerprint; one being saved while it is read counts as
    /// changed, and the loaders report it if it stays unreadable.
    private static string? Bytes(string file)
    {
        try
        {
            return File.Exists(file) ? Convert.ToBase64String(File.ReadAllBytes(file)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable " + Guid.NewGuid().ToString("N");
        }
    }
}
