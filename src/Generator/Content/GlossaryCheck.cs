using System.Text.RegularExpressions;
using Generator.Engine;

namespace Generator.Content;

/// Warnings about terminology in translations (issue 17): a variant a prh rule forbids, at
/// its line and column, and a block whose original uses a glossary term without the
/// agreed translation of that term, at the translated block.
public static class GlossaryCheck
{
    public static IReadOnlyList<Diagnostic> Of(Glossary glossary, IReadOnlyList<Document> pages, string defaultLanguage, CancellationToken cancel = default)
    {
        if (glossary.Rules.Count == 0 && glossary.Terms.Count == 0)
            return [];
        var originals = pages
            .Where(p => p.Source is not null && p.Get<string>(Keys.Lang) == defaultLanguage && p.Get<string>(Keys.TranslationKey) is not null)
            .GroupBy(p => p.Require<string>(Keys.TranslationKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var translations = pages
            .Where(p => p.Source is not null && p.Get<string>(Keys.Lang) is { } lang && lang != defaultLanguage && p.Get<string>(Keys.Markdown) is not null)
            .OrderBy(p => p.Source, StringComparer.Ordinal).ToList();
        var results = new IReadOnlyList<Diagnostic>[translations.Count];
        Parallel.For(0, translations.Count, new ParallelOptions { CancellationToken = cancel }, i =>
        {
            var page = translations[i];
            var found = new List<Diagnostic>();
            Variants(glossary, page, found);
            if (glossary.Terms.Count > 0 && originals.TryGetValue(page.Require<string>(Keys.TranslationKey), out var original))
                Terms(glossary, original, page, defaultLanguage, found);
            results[i] = found;
        });
        return [.. results.SelectMany(r => r)];
    }

    /// Each forbidden variant in the file's text (fenced code left out).
    private static void Variants(Glossary glossary, Document page, List<Diagnostic> found)
    {
        var lines = page.Require<string>(Keys.Markdown).Replace("\r\n", "\n").Split('\n');
        var fence = false;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
                fence = !fence;
            if (fence)
                continue;
            foreach (var rule in glossary.Rules)
            {
                foreach (var pattern in rule.Patterns)
                {
                    foreach (Match match in pattern.Matches(line))
                    {
                        // The agreed term itself may contain a variant (安全保障 in 人間の安全保障).
                        if (match.Length == 0 || match.Value == rule.Expected || InsideExpected(line, match, rule.Expected))
                            continue;
                        found.Add(new Diagnostic(DiagnosticCodes.GlossaryVariant, Severity.Warning, new SourcePosition(page.Source!, n + 1, match.Index + 1),
                            $"'{match.Value}' is not the agreed term; write '{rule.Expected}' ({Glossary.FileName}{(rule.Note is { Length: > 0 } note ? $": {note}" : "")})"));
                    }
                }
            }
        }
    }

    private static bool InsideExpected(string line, Match match, string expected)
    {
        for (var at = line.IndexOf(expected, StringComparison.Ordinal); at >= 0; at = line.IndexOf(expected, at + 1, StringComparison.Ordinal))
        {
            if (at <= match.Index && match.Index + match.Length <= at + expected.Length)
                return true;
        }

        return false;
    }

    /// Each block of the translation whose original block uses a term without its translation.
    private static void Terms(Glossary glossary, Document original, Document page, string defaultLanguage, List<Diagnostic> found)
    {
        var lang = page.Require<string>(Keys.Lang);
        var pairs = glossary.Terms.Where(t => t.ContainsKey(defaultLanguage) && t.ContainsKey(lang)).ToList();
        if (pairs.Count == 0)
            return;
        var theirs = TranslationBlocks.Of(page.Require<FrontMatter>(Keys.FrontMatter), page.Require<string>(Keys.Markdown));
        var ours = TranslationBlocks.Of(original.Require<FrontMatter>(Keys.FrontMatter), original.Get<string>(Keys.Markdown) ?? "");
        var fields = theirs.Where(b => b.IsField).ToDictionary(b => b.Kind, StringComparer.Ordinal);
        var ourBody = ours.Where(b => !b.IsField).ToList();
        var theirBody = theirs.Where(b => !b.IsField).ToList();
        var (same, _) = StructureAlignment.Of([.. ourBody.Select(b => b.Kind)], [.. theirBody.Select(b => b.Kind)]);
        var partner = same.ToDictionary(p => p.Value, p => theirBody[p.Key]);
        for (var i = 0; i < ours.Count; i++)
        {
            var block = ours[i];
            var translated = block.IsField ? fields.GetValueOrDefault(block.Kind) : partner.GetValueOrDefault(ourBody.IndexOf(block));
            if (translated is null)
                continue;
            foreach (var pair in pairs)
            {
                var term = pair[defaultLanguage];
                if (term.Length == 0 || !Regex.IsMatch(block.Text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                    continue;
                if (translated.Text.Contains(pair[lang], StringComparison.OrdinalIgnoreCase))
                    continue;
                found.Add(new Diagnostic(DiagnosticCodes.GlossaryTermMissing, Severity.Warning, new SourcePosition(page.Source!, translated.Line, 1),
                    $"{original.Source}({block.Line},1) says '{term}', but this {(translated.IsField ? $"'{translated.Kind}'" : translated.Name)} does not use its agreed translation '{pair[lang]}' ({Glossary.FileName})"));
            }
        }
    }
}
