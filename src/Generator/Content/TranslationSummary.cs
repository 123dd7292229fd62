using System.Net;
using System.Text;
using Generator.Engine;
using Generator.Site;

namespace Generator.Content;

/// The Markdown job summary of `check --translations --format github` (written to
/// $GITHUB_STEP_SUMMARY, so it shows on the pull request's checks page): the counts by
/// language, each stale translation with the blocks that changed, each missing translation
/// and each glossary warning, with the file and a link to the page. With a base to compare
/// with (a pull request's base branch), the stale list is the translations whose original
/// changed between that base and HEAD: what this change made stale, not the site's backlog.
public static partial class TranslationSummary
{
    /// Entries shown per list; a summary has a size limit (1 MiB) and people read the top.
    private const int Shown = 50;

    /// What the stale list was compared with: the ref as resolved, the merge base, and the
    /// files (as diagnostics show them) that changed between it and HEAD.
    public sealed record Base(string Ref, string MergeBase, IReadOnlySet<string> Changed);

    public static string Write(TranslationReport report, IReadOnlyList<StaleTranslation> allStale, IReadOnlyList<Diagnostic> glossary,
        IReadOnlyList<Document> pages, SiteConfig site, Base? against = null, string? noBase = null)
    {
        var bySource = pages.Where(p => p.Source is not null).GroupBy(p => p.Source!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string Page(string? source) => source is not null && bySource.TryGetValue(source, out var page) && page.Get<string>(Keys.Url) is { } url
            ? $"[{Html(source)}]({site.AbsoluteUrl(url)})"
            : $"<code>{Html(source ?? "")}</code>";

        var text = new StringBuilder("## Translations\n\n");
        var others = report.Languages.Where(l => l != site.DefaultLanguage).ToList();
        text.Append("| status | ").AppendJoin(" | ", others).Append(" |\n|---|").AppendJoin("", others.Select(_ => "---:|")).Append('\n');
        foreach (var status in new[] { "ok", "stale", "unmarked", "missing" })
            text.Append($"| {status} | ").AppendJoin(" | ", others.Select(l => report.Rows.Count(r => r.Status[l] == status))).Append(" |\n");

        IReadOnlyList<StaleTranslation> stale = against is null ? allStale : [.. allStale.Where(s => against.Changed.Contains(s.Original))];
        if (against is not null)
        {
            text.Append($"\n### Stale translations this change made ({stale.Count})\n\n")
                .Append($"Compared with <code>{Text(against.Ref)}</code> (merge base <code>{Html(against.MergeBase[..Math.Min(12, against.MergeBase.Length)])}</code>): ")
                .Append($"the translations whose original changed between it and HEAD; {allStale.Count} stale in all (<code>check --translations</code> lists every one).\n\n");
            if (stale.Count == 0)
                text.Append("None: this change made no translation stale.\n");
        }
        else
        {
            text.Append($"\n### Stale translations ({stale.Count})\n\n")
                .Append(noBase is null ? "" : $"{Text(noBase)}: every stale translation of the site is listed.\n\n");
            if (stale.Count == 0)
                text.Append("None: every marked translation matches its original.\n");
        }

        foreach (var translation in stale.Take(Shown))
        {
            var since = translation.Commit is { } commit ? $", marked at <code>{Html(commit[..Math.Min(12, commit.Length)])}</code>" : "";
            var what = translation.Unrecorded ? "changed; which blocks is unknown (no block record)" : $"changed in {translation.Changes.Count} block{(translation.Changes.Count == 1 ? "" : "s")}";
            text.Append($"- {Page(translation.Translation)}: {Page(translation.Original)} {what}{since}\n");
            foreach (var change in translation.Changes.Take(10))
                text.Append($"  - <code>{Html(change.Position?.ToString() ?? "")}</code> {change.Code}: {Text(change.Message)}\n");
        }

        More(text, stale.Count);
        var missing = report.Rows.SelectMany(r => others.Where(l => r.Status[l] == "missing").Select(l => (Row: r, Lang: l))).ToList();
        text.Append($"\n### Missing translations ({missing.Count})\n\n");
        if (missing.Count == 0)
            text.Append("None.\n");
        foreach (var (row, lang) in missing.Take(Shown))
            text.Append($"- {Page(row.Sources.GetValueOrDefault(site.DefaultLanguage))} has no {lang} translation\n");
        More(text, missing.Count);

        text.Append($"\n### Glossary ({glossary.Count})\n\n");
        if (glossary.Count == 0)
            text.Append("No warnings.\n");
        foreach (var warning in glossary.Take(Shown))
            text.Append($"- {Page(warning.Position?.Path)} <code>{Html(warning.Position?.ToString() ?? "")}</code> {warning.Code}: {Text(warning.Message)}\n");
        More(text, glossary.Count);
        return text.ToString();
    }

    private static void More(StringBuilder text, int count)
    {
        if (count > Shown)
            text.Append($"- … and {count - Shown:N0} more: run <code>check --translations</code> for all of them\n");
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text).Replace("|", "&#124;").Replace("\n", " ");

    /// Text from the content (a changed English sentence, a glossary word, a ref name) as
    /// literal text in GitHub's Markdown: HTML encoded, Markdown's inline syntax escaped (no
    /// link, image or emphasis), and no autolink or @mention (a zero-width space after '@',
    /// in '://' and in 'www.', as Dependabot writes them), so a pull request's English cannot
    /// put a remote image or a ping into the checks page.
    private static string Text(string text)
    {
        var escaped = Html(MarkdownSyntax().Replace(text, @"\$0"));
        return escaped.Replace("@", "@&#8203;").Replace("://", ":&#8203;//").Replace("www.", "www&#8203;.", StringComparison.OrdinalIgnoreCase);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\\`*_\[\](){}#!~]")]
    private static partial System.Text.RegularExpressions.Regex MarkdownSyntax();
}
