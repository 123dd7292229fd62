using System.Net;
using System.Text;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Preview;

/// Preview's translator pages (issue 17), made on request from the session's last build
/// (its pages, statuses and diagnostics; nothing is kept between requests): `/_translate/`
/// lists every translation with its status, and `/_translate/&lt;lang&gt;/&lt;path&gt;/` shows
/// an original and its translation side by side, block by block as
/// <see cref="TranslationAlignment"/> pairs them, each block of the original that changed
/// since the translation was marked highlighted with its word diff. `build` never makes
/// these pages. Every text from the content is HTML-encoded, and the response's
/// Content-Security-Policy allows no inline script besides.
public static class TranslationView
{
    public const string Prefix = "/_translate/";

    public const string StylePath = "/__preview/translate.css";

    /// The page for <paramref name="path"/> (the part after <see cref="Prefix"/>), or null
    /// when no page or translation is there.
    public static string? Render(string path, BuildResult? result, string inputFolder)
    {
        if (result is null)
            return null;
        var site = SiteData.Site(result);
        var pages = (result.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [])
            .Where(p => p.Source is not null && p.Get<string>(Keys.Url) is not null && p.Get<string>(Keys.Lang) is not null && p.Get<FrontMatter>(Keys.FrontMatter) is not null)
            .ToList();
        if (path.Length == 0)
            return Index(pages, site);
        var url = "/" + path;
        var lang = path.Split('/')[0];
        if (lang == site.DefaultLanguage || site.Find(lang) is null)
            return null;
        var originals = TranslationPair.Originals(pages, site.DefaultLanguage);
        var translation = pages.FirstOrDefault(p => p.Get<string>(Keys.Url) == url && p.Get<string>(Keys.Lang) == lang);
        if (translation is not null)
        {
            return originals.TryGetValue(translation.Require<string>(Keys.TranslationKey), out var original)
                ? Pair(TranslationPair.Of(translation, original, inputFolder), site, result.Diagnostics)
                : Page(site, $"{translation.Source}: no original", $"<p>{Html(translation.Source!)} has no original in {Html(site.DefaultLanguage)} to translate from.</p>");
        }

        // A translation not written yet: the original's blocks, with nothing beside them.
        var missing = pages.FirstOrDefault(p => p.Get<string>(Keys.Lang) == site.DefaultLanguage
            && "/" + lang + p.Require<string>(Keys.Url)[(site.DefaultLanguage.Length + 1)..] == url);
        if (missing is null || pages.Any(p => p.Get<string>(Keys.Lang) == lang && p.Get<string>(Keys.TranslationKey) == missing.Get<string>(Keys.TranslationKey)))
            return null;
        var blocks = TranslationBlocks.Of(missing.Require<FrontMatter>(Keys.FrontMatter), missing.Get<string>(Keys.Markdown) ?? "");
        var relative = missing.Require<string>(Engine.Modules.ReadFiles.RelativePathKey);
        var wanted = $"input/{lang}/{relative[(relative.IndexOf('/') + 1)..]}";
        return Rows(site, lang, missing, null, "missing",
            $"<p>There is no translation yet: create <code>{Html(wanted)}</code> (or a page with the same <code>translation_key</code>) and save; this page reloads.</p>",
            TranslationAlignment.Of(blocks, blocks, []), []);
    }

    private static string Index(IReadOnlyList<Document> pages, SiteConfig site)
    {
        var report = TranslationReport.From(pages, site);
        var others = report.Languages.Where(l => l != site.DefaultLanguage).ToList();
        var urls = pages.GroupBy(p => p.Source!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Require<string>(Keys.Url), StringComparer.Ordinal);
        var body = new StringBuilder();
        body.Append("<p>Each translation beside its original, block by block. Open one, edit its Markdown, save: the page reloads.</p>");
        foreach (var lang in others)
        {
            var counts = report.Rows.GroupBy(r => r.Status[lang]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
            body.Append($"<p class=\"counts\">{Html(LanguageName(site, lang))}: {Html(string.Join(", ", counts))}</p>");
        }

        body.Append("<table class=\"index\"><thead><tr><th scope=\"col\">page</th>");
        foreach (var lang in others)
            body.Append($"<th scope=\"col\">{Html(LanguageName(site, lang))}</th>");
        body.Append("</tr></thead><tbody>");
        foreach (var row in report.Rows)
        {
            var original = row.Sources.GetValueOrDefault(site.DefaultLanguage);
            body.Append($"<tr><th scope=\"row\"><code>{Html(row.Key)}</code></th>");
            foreach (var lang in others)
            {
                var status = row.Status[lang];
                var view = row.Sources.GetValueOrDefault(lang) is { } source ? urls.GetValueOrDefault(source)
                    : original is not null && urls.GetValueOrDefault(original) is { } url ? "/" + lang + url[(site.DefaultLanguage.Length + 1)..]
                    : null;
                body.Append("<td>");
                if (view is not null && status != "original")
                    body.Append($"<a href=\"{Attribute(Prefix + view.TrimStart('/'))}\">{Status(status)}</a>");
                else
                    body.Append(Status(status));
                body.Append("</td>");
            }

            body.Append("</tr>");
        }

        body.Append("</tbody></table>");
        return Page(site, "Translations", body.ToString(), index: true);
    }

    private static string Pair(TranslationPair pair, SiteConfig site, IReadOnlyList<Diagnostic> diagnostics)
    {
        var translation = pair.Translation;
        var lang = translation.Require<string>(Keys.Lang);
        var status = pair.Status.ToString().ToLowerInvariant();
        var changed = pair.Alignment.ChangeCount;
        var note = pair.Status switch
        {
            TranslationStatus.Ok => "<p>Up to date: the original has not changed since this translation was marked.</p>",
            TranslationStatus.Unmarked => $"<p>Never marked, so whether it is up to date is unknown. Once it is, run <code>translations mark {Html(translation.Source!)}</code>.</p>",
            TranslationStatus.Stale when pair.Unrecorded => $"<p>{Html(StaleTranslation.NoRecord(pair.Original.Source!, translation.Source!, StaleTranslation.RecordPath(translation)))}.</p>",
            TranslationStatus.Stale => $"<p>{changed} block{(changed == 1 ? "" : "s")} of the original changed since this translation was marked"
                + (pair.Record is { Commit: { } commit } record ? $" (at commit <code>{Html(commit[..Math.Min(12, commit.Length)])}</code>{(record.MarkedBy is { } by ? $" by {Html(by)}" : "")})" : "")
                + $": they are highlighted below. Update the translation, save, then run <code>translations mark {Html(translation.Source!)}</code>.</p>",
            _ => "",
        };
        // The glossary's and the block report's warnings about the translation, at its blocks.
        var warnings = diagnostics.Where(d => d.Position?.Path == translation.Source && !d.IsError
            && d.Code is DiagnosticCodes.GlossaryVariant or DiagnosticCodes.GlossaryTermMissing).ToList();
        return Rows(site, lang, pair.Original, translation, status, note, pair.Alignment, warnings);
    }

    private static string Rows(SiteConfig site, string lang, Document original, Document? translation, string status, string note,
        TranslationAlignment alignment, IReadOnlyList<Diagnostic> warnings)
    {
        var from = site.DefaultLanguage;
        var body = new StringBuilder();
        body.Append($"<p class=\"files\">Original <code>{Html(original.Source!)}</code> (<a href=\"{Attribute(original.Require<string>(Keys.Url))}\">page</a>)");
        if (translation is not null)
            body.Append($" · translation <code>{Html(translation.Source!)}</code> (<a href=\"{Attribute(translation.Require<string>(Keys.Url))}\">page</a>)");
        body.Append("</p>").Append(note);

        // A warning goes with the translation block it falls in: the last one starting at or before its line.
        var atRow = new Dictionary<int, List<Diagnostic>>();
        var unplaced = new List<Diagnostic>();
        var starts = alignment.Rows.Select((r, i) => (r.Translation?.Line ?? 0, i)).Where(x => x.Item1 > 0).OrderBy(x => x.Item1).ToList();
        foreach (var warning in warnings)
        {
            var line = warning.Position!.Value.Line;
            var found = starts.LastOrDefault(s => s.Item1 <= line, (0, -1));
            if (found.Item2 < 0)
                unplaced.Add(warning);
            else
                (atRow.TryGetValue(found.Item2, out var list) ? list : atRow[found.Item2] = []).Add(warning);
        }

        if (unplaced.Count > 0)
            body.Append(Warnings(unplaced));
        body.Append("<p class=\"legend\"><span class=\"swatch changed\"></span> changed <span class=\"swatch added\"></span> added <span class=\"swatch removed\"></span> removed <span class=\"swatch moved\"></span> moved since the translation was marked; <del>deleted words</del> <ins>inserted words</ins>; lines are the original's now (a removed block's: when it was marked)</p>");
        body.Append($"<table class=\"pair\"><thead><tr><th scope=\"col\">{Html(LanguageName(site, from))}</th><th scope=\"col\">{Html(LanguageName(site, lang))}</th></tr></thead><tbody>");
        for (var i = 0; i < alignment.Rows.Count; i++)
        {
            var row = alignment.Rows[i];
            var kind = row.Change.ToString().ToLowerInvariant();
            body.Append($"<tr id=\"block-{i + 1}\" class=\"{kind}\">");

            // The original's side.
            body.Append($"<td lang=\"{Attribute(from)}\">");
            var shown = row.Now ?? row.Was;
            if (shown is not null)
            {
                // Line numbers are the original's lines now; a removed block's is the line it
                // had when the translation was marked, and says so.
                var line = row.Change switch
                {
                    BlockChange.Removed => $"was line {shown.Line}",
                    BlockChange.Moved when row.Was!.Line != shown.Line => $"line {shown.Line} (was line {row.Was.Line})",
                    _ => $"line {shown.Line}",
                };
                body.Append($"<p class=\"where\">{Html(Label(shown))} · {line}{(row.Change is BlockChange.Same or BlockChange.Extra ? "" : " · " + kind)}</p><p class=\"text\">");
                switch (row.Change)
                {
                    case BlockChange.Changed:
                        foreach (var (change, words) in TranslationChanges.WordPieces(row.Was!.Text, row.Now!.Text))
                        {
                            var text = Shown(string.Join(' ', words));
                            body.Append(change switch
                            {
                                WordChange.Deleted => $"<del>{text}</del> ",
                                WordChange.Inserted => $"<ins>{text}</ins> ",
                                _ => text + " ",
                            });
                        }

                        break;
                    case BlockChange.Added:
                        body.Append($"<ins>{Shown(shown.Text)}</ins>");
                        break;
                    case BlockChange.Removed:
                        body.Append($"<del>{Shown(shown.Text)}</del>");
                        break;
                    default:
                        body.Append(Shown(shown.Text));
                        break;
                }

                body.Append("</p>");
            }
            else
            {
                body.Append("<p class=\"where\">no block of the original corresponds here</p>");
            }

            body.Append("</td>");

            // The translation's side.
            body.Append($"<td lang=\"{Attribute(lang)}\">");
            if (row.Translation is { } theirs)
            {
                body.Append($"<p class=\"where\">{Html(Label(theirs))} · line {theirs.Line}{row.Change switch { BlockChange.Removed => " · remove its translation", BlockChange.Moved => " · move its translation here", _ => "" }}</p><p class=\"text\">{Shown(theirs.Text)}</p>");
            }
            else if (translation is not null)
            {
                body.Append($"<p class=\"where\">{(row.Change == BlockChange.Added ? "not translated yet" : "no block of the translation corresponds (its structure differs here)")}</p>");
            }

            if (atRow.TryGetValue(i, out var here))
                body.Append(Warnings(here));
            body.Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        var title = $"{translation?.Source ?? original.Source} ({LanguageName(site, lang)})";
        return Page(site, title, body.ToString(), status: status);
    }

    private static string Warnings(IEnumerable<Diagnostic> warnings) =>
        "<ul class=\"warnings\">" + string.Concat(warnings.Select(w => $"<li><code>{Html(w.Code)}</code> {Shown(w.Message)} <span class=\"at\">({Html(w.Position?.ToString() ?? "")})</span></li>")) + "</ul>";

    private static string Page(SiteConfig site, string title, string body, bool index = false, string? status = null)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{Html(title)} · translations · preview</title>")
            .Append($"<link rel=\"stylesheet\" href=\"{StylePath}\"></head><body>")
            .Append("<header><p class=\"crumbs\">Preview · ")
            .Append(index ? "translations" : $"<a href=\"{Prefix}\">all translations</a>")
            .Append($" · <a href=\"/\">{Html(site.Languages.FirstOrDefault(l => l.Code == site.DefaultLanguage)?.Title ?? "site")}</a></p>")
            .Append($"<h1>{Html(title)}{(status is null ? "" : " " + Status(status))}</h1></header><main>")
            .Append(body)
            .Append("</main></body></html>");
        return html.ToString();
    }

    private static string Status(string status) => $"<span class=\"status status-{Attribute(status)}\">{Html(status)}</span>";

    private static string Label(TranslationBlock block) => block.IsField ? block.Kind : block.Name;

    private static string LanguageName(SiteConfig site, string code) => site.Find(code) is { } language ? $"{language.Name} ({code})" : code;

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    /// Content as the translator reads it: encoded, with each bidirectional or zero-width
    /// character a visible marked span.
    private static string Shown(string text) => InvisibleCharacters.MarkHtml(text);

    private static string Attribute(string text) => WebUtility.HtmlEncode(SitePaths.Encode(text));
}
