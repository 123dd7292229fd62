using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Generator.Content;
using Generator.Engine;
using Generator.Markdown;
using Generator.Modules;
using Generator.Theme;

namespace Generator.Incremental;

/// Preview's shortcut for the most common save: the body of existing Markdown pages changed
/// and nothing else. Such an edit changes only those pages (their HTML), so they are
/// rendered alone against the last full build instead of rebuilding 20,000 pages.
///
/// The shortcut applies only when it provably gives what a full build would: the front
/// matter text is unchanged (so metadata, lists, feeds, sitemap, pairing and neighbours
/// are too); the page's view in lists (photos, figures) is unchanged; a translation's
/// stale/ok status does not move; rendering reports the same diagnostics before and after;
/// every link of the old and new body resolves, neither has a link to a fragment, and no
/// page links to a fragment of this one (its ids may have changed). Anything else (an added, deleted or
/// renamed file, a theme or config edit, a front matter edit, a new broken link, a failed
/// last build) returns null, and preview runs a full build. Integration tests compare the
/// shortcut's files with a fresh build's after each kind of edit.
public sealed class QuickRebuild
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SiteBuild build;
    private readonly RenderMarkdown markdown;
    private readonly ImmutableDictionary<string, Document> pages;
    private readonly HashSet<string> written;
    private readonly HashSet<string> sources;
    private readonly HashSet<string> fragmentTargets;
    private readonly ILookup<string, string> byTranslationKey;
    private readonly Lazy<IReadOnlyDictionary<string, SiteView>> sites;

    private QuickRebuild(
        SiteBuild build,
        RenderMarkdown markdown,
        ImmutableDictionary<string, Document> pages,
        HashSet<string> written,
        HashSet<string> sources,
        HashSet<string> fragmentTargets,
        ILookup<string, string> byTranslationKey,
        Lazy<IReadOnlyDictionary<string, SiteView>> sites)
    {
        this.byTranslationKey = byTranslationKey;
        this.build = build;
        this.markdown = markdown;
        this.pages = pages;
        this.written = written;
        this.sources = sources;
        this.fragmentTargets = fragmentTargets;
        this.sites = sites;
    }

    /// The state after a successful full build: its Content pages by source file, every
    /// destination it writes and every file it read.
    public static QuickRebuild From(SiteBuild build, BuildResult result)
    {
        var content = result.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [];
        var all = result.Outputs.Values.SelectMany(d => d).ToList();
        var pages = content.Where(d => d.SourceFile is not null && d.Destination.Length > 0)
            .GroupBy(d => Path.GetFullPath(d.SourceFile!), StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToImmutableDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        var written = all.Where(d => d.Destination.Length > 0).Select(d => d.Destination).ToHashSet(StringComparer.Ordinal);
        var sources = all.Where(d => d.SourceFile is not null).Select(d => Path.GetFullPath(d.SourceFile!)).ToHashSet(StringComparer.Ordinal);
        // The site views (every topic's list entry) are the full build's: a quick rebuild
        // never changes a list entry, so they stay valid until the next full build.
        var sites = new Lazy<IReadOnlyDictionary<string, SiteView>>(() =>
        {
            var catalog = build.Views.Catalog(content);
            return build.Site.Languages.ToDictionary(l => l.Code, l => build.Views.Site(l.Code, catalog.Own(l.Code), catalog), StringComparer.Ordinal);
        });
        var markdown = new RenderMarkdown(new MarkdownPages(build.Site, build.ImageSizes), build.Site, build.Theme, build.ImageSizes);
        var byTranslationKey = pages.ToLookup(p => p.Value.Get<string>(Keys.TranslationKey) ?? "", p => p.Key, StringComparer.Ordinal);
        var fragmentTargets = content.SelectMany(d => d.Get<IReadOnlyList<LinkReference>>(Keys.Links) ?? [])
            .Where(l => l.Fragment is not null).Select(l => l.Target).ToHashSet(StringComparer.Ordinal);
        return new QuickRebuild(build, markdown, pages, written, sources, fragmentTargets, byTranslationKey, sites);
    }

    /// Prepares the site views in the background, so the first edit does not wait for them.
    public Task WarmAsync() => Task.Run(() => sites.Value);

    /// The pages the changed <paramref name="paths"/> (absolute) rewrite and the state after
    /// them, or null when a full build is needed.
    public (QuickRebuild Next, IReadOnlyList<Document> Changed)? TryApply(IReadOnlyCollection<string> paths)
    {
        var changed = new List<Document>();
        foreach (var path in paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (pages.TryGetValue(path, out var page))
            {
                if (Edit(page, path) is not { } edited)
                    return null;
                if (!ReferenceEquals(edited, page))
                    changed.Add(edited);
            }
            else if (!Irrelevant(path))
            {
                return null;
            }
        }

        var next = new QuickRebuild(build, markdown, pages.SetItems(changed.Select(d => KeyValuePair.Create(Path.GetFullPath(d.SourceFile!), d))), written, sources, fragmentTargets, byTranslationKey, sites);
        return (next, changed);
    }

    /// A path no build reads: a file that is gone and was never read (an editor's temp file
    /// after its rename), or a hidden file under the input folder (ReadFiles skips those),
    /// except a hidden Markdown file, which the build reports (CheckFileNames).
    private bool Irrelevant(string path)
    {
        var input = build.Settings.InputFolder;
        var underInput = path.StartsWith(input + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var relative = Path.GetRelativePath(input, path).Replace(Path.DirectorySeparatorChar, '/');
        if (underInput && relative.Split('/').Any(s => s.StartsWith('.')) && !CheckFileNames.ReportsHidden(relative))
            return true;
        if (File.Exists(path) || Directory.Exists(path) || sources.Contains(path))
            return false;
        var folder = path + Path.DirectorySeparatorChar;
        return !sources.Any(s => s.StartsWith(folder, StringComparison.Ordinal));
    }

    private Document? Edit(Document page, string path)
    {
        string text;
        try
        {
            // Over the size limit, or with unprintable characters, the full build reports it.
            if (new FileInfo(path).Length > build.Site.MaxMarkdownBytes)
                return null;
            text = Engine.TextFiles.ReadText(path);
            if (Engine.Unprintable.Contains(text))
                return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }

        var before = page.Get<string>(Keys.Markdown);
        if (before is null)
            return null;
        if (text == before)
            return page;
        if (fragmentTargets.Contains(page.Require<string>(Keys.Url)))
            return null;
        var end = FrontMatterEnd(before);
        if (end < 0 || FrontMatterEnd(text) != end || string.CompareOrdinal(before, 0, text, 0, end) != 0)
            return null;

        var oldDiagnostics = new List<string>();
        var newDiagnostics = new List<string>();
        var old = markdown.Render(page, d => oldDiagnostics.Add(d.ToString()));
        var rendered = markdown.Render(page.With(Keys.Markdown, text), d => newDiagnostics.Add(d.ToString()));
        if (!oldDiagnostics.SequenceEqual(newDiagnostics, StringComparer.Ordinal)
            || !Resolves(old) || !Resolves(rendered)
            || ListEntry(old) != ListEntry(rendered))
            return null;

        var lang = rendered.Require<string>(Keys.Lang);
        if (lang == build.Site.DefaultLanguage && !TranslationsStay(rendered, text, out rendered))
            return null;

        return Layout(rendered) is { } html ? rendered with { Content = html } : null;
    }

    /// An original's new fingerprint must leave each translation's status (ok, stale,
    /// unmarked) as it was: the status shows on the translation and in its warnings.
    private bool TranslationsStay(Document page, string text, out Document withFingerprint)
    {
        withFingerprint = page;
        var key = page.Require<string>(Keys.TranslationKey);
        var group = byTranslationKey[key].Select(source => pages[source]).ToList();
        if (group.Count(d => d.Get<string>(Keys.Lang) == build.Site.DefaultLanguage) != 1)
            return false;
        var fingerprint = TranslationFingerprint.Of(page.Require<FrontMatter>(Keys.FrontMatter), text);
        foreach (var translation in group.Where(d => d.Get<string>(Keys.Lang) != build.Site.DefaultLanguage))
        {
            if (translation.Get<TranslationStatus?>(Keys.TranslationStatus) != CompareTranslations.StatusOf(translation.Require<FrontMatter>(Keys.FrontMatter), fingerprint))
                return false;
        }

        withFingerprint = page.With(Keys.Fingerprint, fingerprint);
        return true;
    }

    /// Every link reaches a page the last build wrote, and none needs that page's ids.
    private bool Resolves(Document page) =>
        (page.Get<IReadOnlyList<LinkReference>>(Keys.Links) ?? []).All(link => link.Fragment is null && CheckLinks.Exists(link.Target, written));

    /// What lists and other pages see of a page (its view without content).
    private string ListEntry(Document page) => JsonSerializer.Serialize(build.Views.Page(page, withContent: false), Json);

    /// The page through its layout chain, as RenderLayouts does; null on any theme problem
    /// (the full build then reports it).
    private string? Layout(Document doc)
    {
        var theme = build.Theme;
        if (theme.FindLayout(RenderLayouts.LayoutName(doc)) is not { } layout)
            return null;
        var lang = doc.Require<string>(Keys.Lang);
        if (!sites.Value.TryGetValue(lang, out var site))
            return null;
        return RenderLayouts.Apply(theme, layout, build.Views.Page(doc, withContent: true), site, theme.StringsFor(lang)).Html;
    }

    /// The index just after the front matter's closing line, or -1.
    private static int FrontMatterEnd(string text)
    {
        if (!FrontMatterReader.TrySplit(text, out var yaml))
            return -1;
        var closing = text.IndexOf('\n') + 1 + yaml.Length;
        var end = text.IndexOf('\n', closing);
        return end < 0 ? text.Length : end + 1;
    }
}
