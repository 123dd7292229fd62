using System.Text.RegularExpressions;
using Generator.Engine;
using Generator.Site;
using YamlDotNet.RepresentationModel;

namespace Generator.Content;

/// The site's agreed terms, from <c>input/glossary.yml</c>: <c>rules</c> in prh's format
/// (each an <c>expected</c> term and the <c>patterns</c> to replace by it, plain text or a
/// /regular expression/), so a team's prh dictionaries work as they are, and <c>terms</c>,
/// pairs such as <c>{ en: grant aid, ja: 無償資金協力 }</c> that a translation must use where
/// its original does.
public sealed class Glossary
{
    public const string FileName = "glossary.yml";

    private Glossary(IReadOnlyList<Rule> rules, IReadOnlyList<IReadOnlyDictionary<string, string>> terms)
    {
        Rules = rules;
        Terms = terms;
    }

    public static Glossary Empty { get; } = new([], []);

    public IReadOnlyList<Rule> Rules { get; }

    /// Each term by language code.
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Terms { get; }

    public sealed record Rule(string Expected, IReadOnlyList<Regex> Patterns, string? Note);

    /// The glossary written in <paramref name="text"/> (the file shown as <paramref name="display"/>);
    /// a mistake in it is an error.
    /// With <paramref name="languages"/> (the site's), a term must give its words in each of
    /// them, and a key that is not one of them is a mistake.
    public static Glossary Parse(string text, string display, ICollection<Diagnostic> diagnostics, IReadOnlyList<string>? languages = null)
    {
        var yaml = new YamlText(display);
        if (yaml.Load(text, diagnostics) is not YamlMappingNode root)
            return Empty;
        var rules = new List<Rule>();
        var terms = new List<IReadOnlyDictionary<string, string>>();
        void Problem(YamlNode node, string message) => diagnostics.Add(new Diagnostic(DiagnosticCodes.GlossaryMistake, Severity.Error, yaml.At(node), message));

        foreach (var (key, value) in root.Children)
        {
            switch (YamlText.Scalar(key))
            {
                case "version":
                    break;
                case "rules" when value is YamlSequenceNode list:
                    foreach (var entry in list)
                    {
                        if (entry is not YamlMappingNode rule || rule.Children.TryGetValue("expected", out var expected) is false || YamlText.Scalar(expected) is not { Length: > 0 } term)
                        {
                            Problem(entry, "a rule needs 'expected:' (the agreed term) and 'patterns:' (what to replace by it), as prh writes them");
                            continue;
                        }

                        var patterns = new List<Regex>();
                        foreach (var name in new[] { "pattern", "patterns" })
                        {
                            if (!rule.Children.TryGetValue(name, out var given))
                                continue;
                            if (given is YamlSequenceNode { Children.Count: 0 })
                            {
                                Problem(given, $"'{name}: []' lists no variant; list the variants to replace by '{term}', or leave '{name}' out to match '{term}' in other letter cases");
                                continue;
                            }

                            foreach (var pattern in given is YamlSequenceNode many ? many.Children : [given])
                            {
                                var written = YamlText.Scalar(pattern) ?? "";
                                if (written.Trim() is "" or "//")
                                    Problem(pattern, $"{(written.Trim().Length == 0 ? "an empty pattern" : "'//', an empty regular expression,")} would match everywhere; write the variant to replace by '{term}', such as ヒューマンセキュリティ, or a regular expression between slashes such as /ヒューマン・?セキュリティ/");
                                else if (Pattern(written) is { } regex)
                                    patterns.Add(regex);
                                else
                                    Problem(pattern, $"'{written}' is not a usable pattern; write the variant as text, or a regular expression between slashes such as /ヒューマン・?セキュリティ/");
                            }
                        }

                        // prh's shorthand: no pattern means the expected term in other letter cases.
                        if (patterns.Count == 0 && !rule.Children.ContainsKey("pattern") && !rule.Children.ContainsKey("patterns"))
                            patterns.Add(new Regex(Regex.Escape(term), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
                        rules.Add(new Rule(term, patterns, rule.Children.TryGetValue("prh", out var note) ? YamlText.Scalar(note) : null));
                    }

                    break;
                case "terms" when value is YamlSequenceNode list:
                    foreach (var entry in list)
                    {
                        if (entry is not YamlMappingNode pair || pair.Children.Count < 2 && languages is not { Count: > 1 })
                        {
                            Problem(entry, "a term gives its words in two or more languages: '- { en: grant aid, ja: 無償資金協力 }'");
                            continue;
                        }

                        var words = new Dictionary<string, string>(StringComparer.Ordinal);
                        var sound = true;
                        foreach (var (lang, word) in pair.Children)
                        {
                            var code = YamlText.Scalar(lang) ?? "";
                            var written = YamlText.Scalar(word) ?? "";
                            if (languages is { Count: > 0 } && !languages.Contains(code))
                            {
                                Problem(lang, $"'{code}' is not a language of the site ({string.Join(", ", languages)}){Suggestions.DidYouMean(code, languages)}");
                                sound = false;
                            }
                            else if (written.Trim().Length == 0)
                            {
                                Problem(word, $"the term's '{code}' is empty; write its agreed words in {code}, or leave the term out");
                                sound = false;
                            }

                            words[code] = written;
                        }

                        var first = words.FirstOrDefault(w => w.Value.Trim().Length > 0).Value ?? "";
                        foreach (var lang in languages ?? [])
                        {
                            if (!words.ContainsKey(lang))
                            {
                                Problem(entry, $"the term '{first}' has no '{lang}'; add '{lang}: …' with its agreed translation, such as '- {{ en: grant aid, ja: 無償資金協力 }}'");
                                sound = false;
                            }
                        }

                        if (sound)
                            terms.Add(words);
                    }

                    break;
                case "rules" or "terms":
                    Problem(value, YamlText.Scalar(key) == "rules"
                        ? "'rules' must be a list of prh rules, such as 'rules:' then '  - expected: 人間の安全保障' and '    patterns: [ヒューマンセキュリティ]'"
                        : "'terms' must be a list of pairs by language, such as 'terms:' then '  - { en: grant aid, ja: 無償資金協力 }'");
                    break;
                default:
                    Problem(key, $"unknown key '{YamlText.Scalar(key)}' in {FileName}; it takes 'rules' (prh's format) and 'terms' (pairs by language)");
                    break;
            }
        }

        return new Glossary(rules, terms);
    }

    private static Regex? Pattern(string written)
    {
        if (written.Length == 0)
            return null;
        if (written.Length > 2 && written[0] == '/' && written.LastIndexOf('/') > 0)
        {
            var end = written.LastIndexOf('/');
            try
            {
                var options = (written[(end + 1)..].Contains('i') ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant;
                try
                {
                    // Linear time whatever the pattern ("(a+)+$" cannot run away on a long line).
                    return new Regex(written[1..end], options | RegexOptions.NonBacktracking);
                }
                catch (NotSupportedException)
                {
                    // Lookarounds and backreferences need backtracking: bounded by a timeout instead.
                    return new Regex(written[1..end], options, TimeSpan.FromSeconds(1));
                }
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return new Regex(Regex.Escape(written), RegexOptions.CultureInvariant);
    }
}
