using System.Collections.Immutable;
using Generator.Engine;
using Generator.Site;
using YamlDotNet.RepresentationModel;

namespace Generator.Content;

/// Splits a Markdown file's front matter from its body and validates it against the
/// topic schema, reporting every problem with its file position.
public sealed partial class FrontMatterReader(Taxonomy taxonomy)
{
    /// The years an edition may have (front matter `edition`, `new topic --edition`).
    public const int FirstEdition = 1900, LastEdition = 2999;

    public static readonly string[] KnownKeys =
    [
        "title", "summary", "date", "edition", "series", "number", "tags", "images", "image",
        "draft", "translation_key", "translation_note", "layout", "translated_from", "search_terms",
        "changes", "aliases", "superseded_by",
    ];

    /// Keys that only a topic has a use for: a page outside topics/ has no change history and
    /// no later edition, so there they are unknown keys rather than silently ignored.
    public static readonly string[] TopicOnlyKeys = ["changes", "superseded_by"];

    private static readonly string[] ImageKeys = ["src", "alt", "caption", "credit", "placeholder"];

    /// What of the taxonomy a reading depends on (its tag keys, and whether it could be
    /// read at all): the only thing besides a file.
    public string TaxonomyKey =>
        (taxonomy.Unreadable ? "unreadable:" : "") + string.Join(',', taxonomy.Keys.Order(StringComparer.Ordinal));

    public FrontMatter Read(string path, string text, PageKind kind, ICollection<Diagnostic> diagnostics)
    {
        if (!TrySplit(text, out var yamlText))
        {
            var message = text.StartsWith("---", StringComparison.Ordinal)
                ? "the front matter that starts on line 1 is never closed; add a line '---' after its last key"
                : "has no front matter; start the file with a line '---', then 'title: …', then a line '---'";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoFrontMatter, Severity.Error, new SourcePosition(path, 1, 1), message));
            return new FrontMatter { Unreadable = true }; // the missing front matter is the one cause
        }

        var yaml = new YamlText(path, firstLine: 2);
        var before = diagnostics.Count;
        var root = yaml.Load(yamlText, diagnostics);
        if (root is null && diagnostics.Count > before)
            return new FrontMatter { Unreadable = true }; // the YAML error is the one cause
        var map = root as YamlMappingNode;
        if (root is not null && map is null && !YamlText.IsNull(root))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, yaml.At(root),
                "front matter must be keys and values, such as 'title: Human security'"));
            return new FrontMatter { Unreadable = true };
        }

        var matter = map is null ? new FrontMatter() : ReadKeys(map, yaml, kind, diagnostics);
        RequireKeys(matter, kind, new SourcePosition(path, 1, 1), diagnostics);
        return matter;
    }

    /// Finds the YAML between a first line '---' and the next line '---' (or '...').
    public static bool TrySplit(string text, out string yaml)
    {
        yaml = "";
        var firstEnd = text.IndexOf('\n');
        if (firstEnd < 0 || text[..firstEnd].TrimEnd('\r', ' ', '\t') != "---")
            return false;
        var start = firstEnd + 1;
        var position = start;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var line = (end < 0 ? text[position..] : text[position..end]).TrimEnd('\r', ' ', '\t');
            if (line is "---" or "...")
            {
                yaml = text[start..position];
                return true;
            }

            if (end < 0)
                return false;
            position = end + 1;
        }

        return false;
    }

    /// The keys a page of this kind must set (a translation may inherit 'date').
    private static string[] RequiredKeys(PageKind kind) => kind == PageKind.Topic ? ["title", "summary", "date"] : ["title"];

    private FrontMatter ReadKeys(YamlMappingNode map, YamlText yaml, PageKind kind, ICollection<Diagnostic> diagnostics)
    {
        var matter = new FrontMatter();
        var set = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var reported = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var required = RequiredKeys(kind);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = YamlText.Scalar(keyNode) ?? "";
            if (!KnownKeys.Contains(key))
            {
                // 'titel' for a missing 'title' is one mistake: say so here, and nothing
                // reports 'title' missing as well (issue 13, A.15).
                var near = Suggestions.Closest(key, KnownKeys);
                if (near is not null && required.Contains(near) && !map.Children.Keys.Any(k => YamlText.Scalar(k) == near))
                {
                    reported.Add(near);
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                        $"unknown key '{key}'; did you mean the required key '{near}'?"));
                }
                else
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                        $"unknown key '{key}'{Suggestions.DidYouMean(key, KnownKeys)}"));
                }

                continue;
            }

            if (kind != PageKind.Topic && TopicOnlyKeys.Contains(key))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                    $"'{key}' is a key topics alone take (files under <language>/topics/<edition>/), and this is a page; remove it, or move the file to a topics folder"));
                continue;
            }

            if (YamlText.IsNull(value))
            {
                if (key is "title" or "summary" && required.Contains(key))
                {
                    reported.Add(key);
                    diagnostics.Add(Blank(yaml.At(keyNode), key));
                }

                continue;
            }

            set.Add(key);
            var reader = new ValueReader(key, value, yaml, diagnostics);
            matter = key switch
            {
                "title" => matter with { Title = Required(key, reader.Text(), value) },
                "summary" => matter with { Summary = Required(key, reader.Text(), value) },
                "date" => matter with { Date = reader.Date() },
                "edition" => matter with { Edition = reader.Whole(FirstEdition, LastEdition, "a year such as 2022") },
                "number" => matter with { Number = reader.Whole(1, 9999, "a whole number such as 3") },
                "series" => matter with { Series = reader.Text() },
                "tags" => matter with { Tags = Tags(reader) },
                "images" => matter with { Images = Images(value, yaml, diagnostics) },
                "image" => matter with { Image = reader.ImageReference(), ImageAt = yaml.At(value) },
                "draft" => matter with { Draft = reader.Flag() },
                "translation_key" => matter with { TranslationKey = reader.RelativeKey(), TranslationKeyAt = yaml.At(value) },
                "translation_note" => matter with { TranslationNote = reader.Text() },
                "translated_from" => matter with { TranslatedFrom = reader.Text(), TranslatedFromAt = yaml.At(value) },
                "changes" => matter with { Changes = Changes(value, yaml, diagnostics) },
                "aliases" => matter with { Aliases = Aliases(reader, yaml) },
                "superseded_by" => matter with { SupersededBy = reader.RelativeKey()?.Trim('/'), SupersededByAt = yaml.At(value) },
                "search_terms" => matter with { SearchTerms = [.. reader.TextList("a list of words such as [JICA, 国際協力機構]").Select(t => t.Value)] },
                _ => matter with { Layout = reader.Text(), LayoutAt = yaml.At(value) },
            };
        }

        return matter with { SetKeys = set.ToImmutable(), ReportedKeys = reported.ToImmutable() };

        // Blank text is missing text: an empty <h1> or summary helps no reader (issue 13, A.16).
        string? Required(string key, string? text, YamlNode value)
        {
            if (text is null || !string.IsNullOrWhiteSpace(text))
                return text;
            if (required.Contains(key))
            {
                reported.Add(key);
                diagnostics.Add(Blank(yaml.At(value), key));
            }

            return null;
        }
    }

    private static void RequireKeys(FrontMatter matter, PageKind kind, SourcePosition start, ICollection<Diagnostic> diagnostics)
    {
        if (!matter.SetKeys.Contains("title") && !matter.ReportedKeys.Contains("title"))
            diagnostics.Add(Missing(start, "title", Examples["title"]));
        if (kind == PageKind.Topic && !matter.SetKeys.Contains("summary") && !matter.ReportedKeys.Contains("summary"))
            diagnostics.Add(Missing(start, "summary", Examples["summary"]));
    }

    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["title"] = "title: Promoting human security",
        ["summary"] = "summary: One or two sentences for lists and feeds",
    };

    private static Diagnostic Blank(SourcePosition at, string key) =>
        new(DiagnosticCodes.MissingKey, Severity.Error, at, $"'{key}' is blank; write it, such as '{Examples[key]}'");

    public static Diagnostic Missing(SourcePosition at, string key, string example) =>
        new(DiagnosticCodes.MissingKey, Severity.Error, at, $"missing required key '{key}'; add a line such as '{example}'");

    private ImmutableArray<string> Tags(ValueReader reader)
    {
        var tags = ImmutableArray.CreateBuilder<string>();
        foreach (var (tag, node) in reader.TextList("a list of tag keys such as [human-security, health]"))
        {
            if (taxonomy.Contains(tag) || taxonomy.Unreadable)
                tags.Add(tag);
            else
                reader.Report(DiagnosticCodes.UnknownTag, node, Suggestions.Closest(tag, taxonomy.Keys) is { } near
                    ? $"unknown tag '{tag}'; did you mean '{near}'? Tags are defined in input/taxonomy.yml"
                    : $"unknown tag '{tag}'; use a tag key from input/taxonomy.yml or add '{tag}' there with its name in each language");
        }

        return tags.ToImmutable();
    }

    private static ImmutableArray<ImageEntry> Images(YamlNode value, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        if (value is not YamlSequenceNode list)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, Severity.Error, yaml.At(value),
                "'images' must be a list of photos, each with src, alt, caption and credit"));
            return [];
        }

        var images = ImmutableArray.CreateBuilder<ImageEntry>();
        foreach (var item in list)
        {
            if (item is not YamlMappingNode entry)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, Severity.Error, yaml.At(item),
                    "each photo in 'images' must have keys, such as '- src: /assets/images/2022/photo.jpg' and 'alt: …'"));
                continue;
            }

            string? src = null, alt = null, caption = null, credit = null;
            var placeholder = false;
            YamlNode? srcNode = null;
            foreach (var (keyNode, field) in entry.Children)
            {
                var key = YamlText.Scalar(keyNode) ?? "";
                var reader = new ValueReader(key, field, yaml, diagnostics);
                switch (key)
                {
                    case "src": src = reader.ImageReference(); srcNode = field; break;
                    case "alt": alt = YamlText.IsNull(field) ? null : reader.Text(); break;
                    case "caption": caption = YamlText.IsNull(field) ? null : reader.Text(); break;
                    case "credit": credit = YamlText.IsNull(field) ? null : reader.Text(); break;
                    case "placeholder":
                        if (YamlText.Scalar(field) is "true" or "false")
                            placeholder = YamlText.Scalar(field) == "true";
                        else
                            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, Severity.Error, yaml.At(field),
                                $"'placeholder' must be true (the photo is not available) or false, got \"{YamlText.Scalar(field)}\""));
                        break;
                    default:
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                            $"unknown key '{key}' in a photo{Suggestions.DidYouMean(key, ImageKeys)}"));
                        break;
                }
            }

            if (srcNode is not null && src is null)
                continue; // its 'src' is already reported
            if (placeholder)
            {
                // No image is shown, so neither a file nor alt text is needed: only the caption.
                if (string.IsNullOrWhiteSpace(caption))
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingAltText, Severity.Error, yaml.At(item),
                        "a placeholder photo shows only its caption; add 'caption: …' saying what the photo shows"));
                images.Add(new ImageEntry(src ?? "", alt ?? "", caption, credit, yaml.At(srcNode ?? item)) { Placeholder = true });
                continue;
            }

            if (string.IsNullOrWhiteSpace(src))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingKey, Severity.Error, yaml.At(item),
                    "this photo has no 'src'; add 'src: /assets/images/<edition>/<file>'"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(alt))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingAltText, Severity.Error, yaml.At(item),
                    $"photo '{src}' has no alt text; add 'alt: …' describing what the photo shows for readers who cannot see it"));
            }

            images.Add(new ImageEntry(src, alt ?? "", caption, credit, yaml.At(srcNode!)));
        }

        return images.ToImmutable();
    }
}
