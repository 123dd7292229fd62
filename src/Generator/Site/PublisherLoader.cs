using Generator.Engine;
using YamlDotNet.RepresentationModel;

namespace Generator.Site;

/// Reads site.yml's publisher block, checked like front matter: an unknown key is GEN011 with
/// a "did you mean", a missing or malformed value GEN086 at its position, with what to write.
public static class PublisherLoader
{
    private static readonly string[] Keys = ["name", "url", "logo", "copyright", "licence", "licence_url", "source", "source_url", "links"];
    private static readonly string[] LinkKeys = ["name", "url"];

    public static Publisher? Read(YamlNode node, YamlText yaml, IReadOnlyList<Language> languages, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlMappingNode map)
        {
            Error(diagnostics, yaml.At(node), "publisher must be a mapping with at least a name, such as 'publisher: { name: { en: \"Ministry of …\", ja: \"…省\" } }'");
            return null;
        }

        Localized? name = null;
        var publisher = new Publisher { Name = Localized.None };
        foreach (var (keyNode, value) in map.Children)
        {
            var key = YamlText.Scalar(keyNode) ?? "";
            switch (key)
            {
                case "name": name = Text(value, "publisher name", yaml, languages, diagnostics); break;
                case "url": publisher = publisher with { Url = Address(value, "publisher url", yaml, languages, diagnostics) }; break;
                case "copyright": publisher = publisher with { Copyright = Text(value, "publisher copyright", yaml, languages, diagnostics) }; break;
                case "licence": publisher = publisher with { Licence = Text(value, "publisher licence", yaml, languages, diagnostics) }; break;
                case "licence_url": publisher = publisher with { LicenceUrl = Address(value, "publisher licence_url", yaml, languages, diagnostics) }; break;
                case "source": publisher = publisher with { Source = Text(value, "publisher source", yaml, languages, diagnostics) }; break;
                case "source_url": publisher = publisher with { SourceUrl = Address(value, "publisher source_url", yaml, languages, diagnostics) }; break;
                case "logo":
                    if (Logo(value, yaml, diagnostics) is { } logo)
                        publisher = publisher with { Logo = logo, LogoAt = yaml.At(value) };
                    break;
                case "links": publisher = publisher with { Links = [.. Links(value, yaml, languages, diagnostics)] }; break;
                default:
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                        $"unknown key '{key}' in publisher{Suggestions.DidYouMean(key, Keys)}"));
                    break;
            }
        }

        if (name is null)
        {
            Error(diagnostics, yaml.At(map), "publisher has no name; add 'name:' with the organisation's name in each language");
            return null;
        }

        return name.Values.Count == 0 ? null : publisher with { Name = name };
    }

    /// A scalar (every language) or a mapping with one entry per language of the site.
    /// Text per language (a scalar stands for every language), each language required.
    public static Localized Text(YamlNode node, string what, YamlText yaml, IReadOnlyList<Language> languages, ICollection<Diagnostic> diagnostics)
    {
        var codes = languages.Select(l => l.Code).ToList();
        if (YamlText.Scalar(node) is { } scalar && node is YamlScalarNode)
        {
            if (string.IsNullOrWhiteSpace(scalar))
            {
                Error(diagnostics, yaml.At(node), $"{what} is blank; write the text, or one per language ({string.Join(", ", codes)})");
                return Localized.None;
            }

            return new Localized(codes.ToDictionary(c => c, _ => scalar.Trim(), StringComparer.Ordinal), yaml.At(node));
        }

        if (node is not YamlMappingNode map)
        {
            Error(diagnostics, yaml.At(node), $"{what} must be text, or one text per language such as '{{ {string.Join(", ", codes.Select(c => c + ": …"))} }}'");
            return Localized.None;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var code = YamlText.Scalar(keyNode) ?? "";
            if (!codes.Contains(code))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                    $"unknown language '{code}' in {what} (the site's languages are {string.Join(", ", codes)}){Suggestions.DidYouMean(code, codes)}"));
                continue;
            }

            if (value is not YamlScalarNode || string.IsNullOrWhiteSpace(YamlText.Scalar(value)))
            {
                Error(diagnostics, yaml.At(value), $"{what} in '{code}' must be text");
                continue;
            }

            values[code] = YamlText.Scalar(value)!.Trim();
        }

        foreach (var missing in codes.Where(c => !values.ContainsKey(c)))
            Error(diagnostics, yaml.At(map), $"{what} has no '{missing}'; add '{missing}: …' (every language shows it)");
        return new Localized(values, yaml.At(node));
    }

    /// Text that is an address: https://… or a page path of every language ("legal/terms").
    private static Localized Address(YamlNode node, string what, YamlText yaml, IReadOnlyList<Language> languages, ICollection<Diagnostic> diagnostics)
    {
        var address = Text(node, what, yaml, languages, diagnostics);
        var good = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, value) in address.Values)
        {
            if (Publisher.IsExternal(value) ? Uri.TryCreate(value, UriKind.Absolute, out _) : IsPagePath(value))
                good[code] = value;
            else
                Error(diagnostics, address.At ?? yaml.At(node),
                    $"{what} must be an https:// address or a page path such as legal/terms (the page /{code}/legal/terms/), got \"{value}\"");
        }

        return address with { Values = good };
    }

    private static bool IsPagePath(string value) =>
        value.Length > 0 && !value.Contains(':') && !value.Contains('\\') && !value.Contains('?') && !value.Contains('#')
        && value.Trim('/').Split('/').All(s => s.Length > 0 && s is not ("." or ".."));

    private static string? Logo(YamlNode node, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        var value = YamlText.Scalar(node);
        if (node is YamlScalarNode && value is not null && value.StartsWith("/assets/", StringComparison.Ordinal)
            && value.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) && IsPagePath(value))
            return value;
        Error(diagnostics, yaml.At(node), $"publisher logo must be an SVG file under input/assets/, written from the site root such as /assets/images/publisher.svg, got \"{value}\"");
        return null;
    }

    private static IEnumerable<PublisherLink> Links(YamlNode node, YamlText yaml, IReadOnlyList<Language> languages, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlSequenceNode list)
        {
            Error(diagnostics, yaml.At(node), "publisher links must be a list of pages, such as '- { name: { en: Privacy, ja: プライバシー }, url: legal/privacy }'");
            yield break;
        }

        foreach (var item in list)
        {
            if (item is not YamlMappingNode entry)
            {
                Error(diagnostics, yaml.At(item), "each publisher link needs a name and a url, such as '{ name: Privacy, url: legal/privacy }'");
                continue;
            }

            Localized? name = null, url = null;
            foreach (var (keyNode, value) in entry.Children)
            {
                var key = YamlText.Scalar(keyNode) ?? "";
                switch (key)
                {
                    case "name": name = Text(value, "publisher link name", yaml, languages, diagnostics); break;
                    case "url": url = Address(value, "publisher link url", yaml, languages, diagnostics); break;
                    default:
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                            $"unknown key '{key}' in a publisher link{Suggestions.DidYouMean(key, LinkKeys)}"));
                        break;
                }
            }

            if (name is null || url is null)
            {
                Error(diagnostics, yaml.At(item), $"a publisher link needs {(name is null ? "a name" : "a url")}");
                continue;
            }

            yield return new PublisherLink(name, url);
        }
    }

    private static void Error(ICollection<Diagnostic> diagnostics, SourcePosition at, string message) =>
        diagnostics.Add(new Diagnostic(DiagnosticCodes.Publisher, Severity.Error, at, message));
}
