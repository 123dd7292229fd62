using System.Text;
using System.Text.Json;
using Generator.Engine;
using Generator.Site;

namespace Generator.Content;

/// Every page by language: ok, missing, stale or unmarked (and "original" for the
/// default language), as a plain-text table for people or JSON for machines.
public sealed class TranslationReport
{
    private TranslationReport(IReadOnlyList<string> languages, IReadOnlyList<TranslationRow> rows)
    {
        Languages = languages;
        Rows = rows;
    }

    public IReadOnlyList<string> Languages { get; }

    public IReadOnlyList<TranslationRow> Rows { get; }

    public static TranslationReport From(IReadOnlyList<Document> pages, SiteConfig site)
    {
        var languages = site.Languages.Select(l => l.Code).ToList();
        var rows = pages
            .Where(p => p.Source is not null && p.Get<string>(Keys.TranslationKey) is not null)
            .GroupBy(p => p.Require<string>(Keys.TranslationKey), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TranslationRow(
                g.Key,
                g.First().Require<PageKind>(Keys.Kind).ToString().ToLowerInvariant(),
                languages.ToDictionary(code => code, code => Status(g.FirstOrDefault(p => p.Get<string>(Keys.Lang) == code)), StringComparer.Ordinal),
                languages.ToDictionary(code => code, code => g.FirstOrDefault(p => p.Get<string>(Keys.Lang) == code)?.Source, StringComparer.Ordinal)))
            .ToList();
        return new TranslationReport(languages, rows);
    }

    public string ToText()
    {
        var header = new[] { "page", "kind" }.Concat(Languages).ToList();
        var lines = Rows.Select(r => new[] { r.Key, r.Kind }.Concat(Languages.Select(l => r.Status[l])).ToList()).ToList();
        var widths = header.Select((h, i) => lines.Select(l => l[i].Length).Append(h.Length).Max()).ToList();
        var text = new StringBuilder();
        foreach (var line in lines.Prepend(header))
            text.Append(string.Join("  ", line.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        foreach (var language in Languages)
        {
            var counts = Rows.GroupBy(r => r.Status[language]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
            text.Append($"{language}: {string.Join(", ", counts)}\n");
        }

        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            languages = Languages,
            pages = Rows.Select(r => new
            {
                key = r.Key,
                kind = r.Kind,
                languages = Languages.ToDictionary(l => l, l => new { status = r.Status[l], source = r.Sources[l] }),
            }),
        },
        new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Status(Document? page) => page is null
        ? "missing"
        : (page.Get<TranslationStatus?>(Keys.TranslationStatus) ?? TranslationStatus.Original).ToString().ToLowerInvariant();
}

public sealed record TranslationRow(
    string Key,
    string Kind,
    IReadOnlyDictionary<string, string> Status,
    IReadOnlyDictionary<string, string?> Sources);
