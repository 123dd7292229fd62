using System.Net;
using System.Text;
using Generator.Engine;
using Generator.Site;

namespace Generator.Content;

/// The Markdown job summary of `check --translations --format github` (written to
/// $GITHUB_STEP_SUMMARY, so it shows on the pull request's checks page): the counts by
/// language, each stale translation with the blocks that changed, each missing translation
/// and each glossary warning, with the file and a link to the page.
public static class TranslationSummary
{
    /// Entries shown per list; a summary has a size limit (1 MiB) and people read the top.
    private const int Shown = 50;

    public static string Write(TranslationReport report, IReadOnlyList<StaleTranslation> stale, IReadOnlyList<Diagnostic> glossary,
        IReadOnlyList<Document> pages, SiteConfig site)
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

        text.Append($"\n### Stale translations ({stale.Count})\n\n");
        if (stale.Count == 0)
            text.Append("None: every marked translation matches its original.\n");
        foreach (var translation in stale.Take(Shown))
        {
            var since = translation.Commit is { } commit ? $", marked at <code>{Html(commit[..Math.Min(12, commit.Length)])}</code>" : "";
            text.Append($"- {Page(translation.Translation)}: {Page(translation.Original)} changed in {translation.Changes.Count} block{(translation.Changes.Count == 1 ? "" : "s")}{since}\n");
            foreach (var change in translation.Changes.Take(10))
                text.Append($"  - <code>{Html(change.Position?.ToString() ?? "")}</code> {change.Code}: {Html(change.Message)}\n");
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
            text.Append($"- {Page(warning.Position?.Path)} <code>{Html(warning.Position?.ToString() ?? "")}</code> {warning.Code}: {Html(warning.Message)}\n");
        More(text, glossary.Count);
        return text.ToString();
    }

    private static void More(StringBuilder text, int count)
    {
        if (count > Shown)
            text.Append($"- … and {count - Shown:N0} more: run <code>check --translations</code> for all of them\n");
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text).Replace("|", "&#124;").Replace("\n", " ");
}
