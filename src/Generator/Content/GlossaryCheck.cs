using System.Text.RegularExpressions;
using Generator.Engine;

namespace Generator.Content;

/// Warnings about terminology in translations (issue 17): a variant a prh rule forbids, at
/// its line and column, and a block whose original uses a glossary term without the
/// agreed translation of that term, at the translated block.
public static partial class GlossaryCheck
{
    /// The warnings about one translation (<paramref name="original"/>: its original, when it has one).
    public static IReadOnlyList<Diagnostic> OfPage(Glossary glossary, Document page, Document? original, string defaultLanguage)
    {
        var found = new List<Diagnostic>();
        if (glossary.Rules.Count == 0 && glossary.Terms.Count == 0 || page.Get<string>(Keys.Markdown) is null)
            return found;
        Variants(glossary, page, found);
        if (glossary.Terms.Count > 0 && original is not null)
            Terms(glossary, original, page, defaultLanguage, found);
        return found;
    }

    /// Each forbidden variant in the file's text (fenced code left out).
    private static void Variants(Glossary glossary, Document page, List<Diagnostic> found)
    {
        var lines = page.Require<string>(Keys.Markdown).Replace("\r\n", "\n").Split('\n');
        var fence = false;
        var matterEnd = lines.Length > 0 && lines[0].TrimEnd() == "---" ? Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...") : -1;
        for (var n = 0; n < lines.Length; n++)
        {
            if (n <= matterEnd && (n == 0 || n == matterEnd || !TextField().IsMatch(lines[n])))
                continue; // in the front matter, only the texts a reader reads
            var raw = lines[n];
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal) || raw.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
                fence = !fence;
            if (fence)
                continue;
            var line = Prose(raw);
            foreach (var rule in glossary.Rules)
            {
                foreach (var pattern in rule.Patterns)
                {
                    if (Matches(pattern, line, page, n, found) is not { } matches)
                        continue;
                    foreach (Match match in matches)
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

    /// The pattern's matches in a line; a pattern that backtracks past its time limit is a
    /// warning at the line instead of stopping the build.
    private static Match[]? Matches(Regex pattern, string line, Document page, int index, List<Diagnostic> found)
    {
        try
        {
            return pattern.Matches(line).ToArray();
        }
        catch (RegexMatchTimeoutException)
        {
            found.Add(new Diagnostic(DiagnosticCodes.GlossaryMistake, Severity.Warning, new SourcePosition(page.Source!, index + 1, 1),
                $"the {Glossary.FileName} pattern '/{pattern}/' took more than a second on this line; write it without nested repetition"));
            return null;
        }
    }

    /// <paramref name="text"/> with what is not prose masked, position for position: link and
    /// image targets, autolinks and tags, code spans, bare URLs and e-mail addresses (so
    /// 'mofa' in https://www.mofa.go.jp/ is no term and no variant).
    public static string Prose(string text)
    {
        if (text.IndexOfAny(['(', '<', '`', ':', '@', '.']) < 0)
            return text;
        return NotProse().Replace(text, m => new string('\u0001', m.Length));
    }

    [GeneratedRegex(@"(`+)[^`]*?\1|\]\((?:[^()\s]|\([^()\s]*\))*\)?|<[^<>\s]*>|</?[A-Za-z][^<>]*>|\b(?:https?|ftp)://\S+|\bwww\.\S+|\bmailto:\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|^\s*\[[^\]]+\]:\s*\S+", RegexOptions.CultureInvariant)]
    private static partial Regex NotProse();

    /// A front-matter line with one of the texts a reader reads (title, summary, series, a
    /// photo's alt, caption or credit).
    [GeneratedRegex(@"^\s*(?:-\s+)?(?:title|summary|series|alt|caption|credit)\s*:")]
    private static partial Regex TextField();

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
        // Each block of the original beside the translation's block that corresponds.
        foreach (var row in TranslationAlignment.Of(ours, ours, theirs).Rows)
        {
            if (row is not { Now: { } block, Translation: { } translated })
                continue;
            foreach (var pair in pairs)
            {
                var term = pair[defaultLanguage];
                if (term.Length == 0 || !Regex.IsMatch(Prose(block.Text), $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                    continue;
                if (Prose(translated.Text).Contains(pair[lang], StringComparison.OrdinalIgnoreCase))
                    continue;
                found.Add(new Diagnostic(DiagnosticCodes.GlossaryTermMissing, Severity.Warning, new SourcePosition(page.Source!, translated.Line, 1),
                    $"{original.Source}({block.Line},1) says '{term}', but this {(translated.IsField ? $"'{translated.Kind}'" : translated.Name)} does not use its agreed translation '{pair[lang]}' ({Glossary.FileName})"));
            }
        }
    }
}
