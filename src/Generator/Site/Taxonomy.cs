using Generator.Engine;
using YamlDotNet.RepresentationModel;

namespace Generator.Site;

/// input/taxonomy.yml: language-neutral tag keys with a name per language.
public sealed class Taxonomy(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags)
{
    public static Taxonomy Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, string>>());

    public IEnumerable<string> Keys => tags.Keys;

    public bool Contains(string key) => tags.ContainsKey(key);

    /// taxonomy.yml is not valid YAML: its error is the one cause, so no topic's tags are
    /// reported unknown because of it (issue 13, A.15).
    public bool Unreadable { get; private init; }

    /// The tag's name in a language, falling back to the key itself.
    public string Name(string key, string lang) =>
        tags.TryGetValue(key, out var names) && names.TryGetValue(lang, out var name) ? name : key;

    public static Taxonomy Load(string file, string displayPath, SiteConfig site, ICollection<Diagnostic> diagnostics)
    {
        if (!File.Exists(file))
            return Empty;
        if (TextFiles.Read(file, displayPath, out var text) is { } unreadable)
        {
            diagnostics.Add(unreadable);
            return new Taxonomy(new Dictionary<string, IReadOnlyDictionary<string, string>>()) { Unreadable = true };
        }

        var yaml = new YamlText(displayPath);
        var before = diagnostics.Count;
        var root = yaml.Load(text, diagnostics);
        if (root is null)
            return diagnostics.Count > before ? new Taxonomy(new Dictionary<string, IReadOnlyDictionary<string, string>>()) { Unreadable = true } : Empty;
        if (root is not YamlMappingNode map || map.Children.Count != 1 || YamlText.Scalar(map.Children.Keys.Single()) != "tags"
            || map.Children.Values.Single() is not YamlMappingNode tagMap)
        {
            Error(diagnostics, yaml.At(root), "taxonomy.yml must hold one key 'tags:' mapping each tag key to its names, such as 'human-security: { en: Human security, ja: 人間の安全保障 }'");
            return Empty;
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (keyNode, namesNode) in tagMap.Children)
        {
            var key = YamlText.Scalar(keyNode) ?? "";
            if (!IsTagKey(key))
            {
                Error(diagnostics, yaml.At(keyNode), $"tag key '{key}' must be lowercase letters, digits and hyphens, such as 'human-security'");
                continue;
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            if (namesNode is YamlMappingNode namesMap)
            {
                foreach (var (langNode, nameNode) in namesMap.Children)
                {
                    var lang = YamlText.Scalar(langNode) ?? "";
                    if (site.Find(lang) is null)
                        Error(diagnostics, yaml.At(langNode), $"'{lang}' is not a language of the site{Suggestions.DidYouMean(lang, site.Languages.Select(l => l.Code))}");
                    else if (YamlText.Scalar(nameNode) is { Length: > 0 } name)
                        names[lang] = name;
                    else
                        Error(diagnostics, yaml.At(nameNode), $"the {lang} name of tag '{key}' must be text");
                }
            }
            else
            {
                Error(diagnostics, yaml.At(namesNode), $"tag '{key}' needs its name per language, such as 'en: Human security'");
            }

            foreach (var language in site.Languages.Where(l => !names.ContainsKey(l.Code)))
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Taxonomy, Severity.Warning, yaml.At(keyNode), $"tag '{key}' has no {language.Name} name; add '{language.Code}: …'"));
            result[key] = names;
        }

        return new Taxonomy(result);
    }

    private static bool IsTagKey(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static void Error(ICollection<Diagnostic> diagnostics, SourcePosition at, string message) =>
        diagnostics.Add(new Diagnostic(DiagnosticCodes.Taxonomy, Severity.Error, at, message));
}
