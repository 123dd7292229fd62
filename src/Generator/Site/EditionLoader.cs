using System.Globalization;
using Generator.Engine;
using YamlDotNet.RepresentationModel;

namespace Generator.Site;

/// site.yml's `editions:` (issue 20): one entry per year, such as
/// <c>2022: { title: { en: …, ja: … }, published: 2023-03-31, isbn: 978-4-…, pdf: … }</c>.
public static class EditionLoader
{
    private static readonly string[] Keys = ["title", "published", "isbn", "pdf"];

    public static IReadOnlyDictionary<int, Edition> Read(YamlNode node, YamlText yaml, IReadOnlyList<Language> languages, ICollection<Diagnostic> diagnostics)
    {
        var editions = new Dictionary<int, Edition>();
        if (node is not YamlMappingNode map)
        {
            Error(diagnostics, yaml.At(node), "editions must be keys by year, such as '2022:' with title, published, isbn and pdf under it");
            return editions;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var text = YamlText.Scalar(keyNode);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2999)
            {
                Error(diagnostics, yaml.At(keyNode), $"each edition is keyed by its year, such as 2022, got \"{text}\"");
                continue;
            }

            var edition = new Edition(year) { At = yaml.At(keyNode) };
            if (value is not YamlMappingNode fields)
            {
                Error(diagnostics, yaml.At(value), $"edition {year} must have keys such as 'title:', 'published:', 'isbn:' and 'pdf:'");
                continue;
            }

            foreach (var (fieldNode, field) in fields.Children)
            {
                var key = YamlText.Scalar(fieldNode) ?? "";
                switch (key)
                {
                    case "title":
                        edition = edition with { Title = PublisherLoader.Text(field, $"edition {year}'s title", yaml, languages, diagnostics) };
                        break;
                    case "published":
                        if (DateOnly.TryParseExact(YamlText.Scalar(field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                            edition = edition with { Published = date };
                        else
                            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidDate, Severity.Error, yaml.At(field),
                                $"edition {year}'s published must be YYYY-MM-DD, got \"{YamlText.Scalar(field)}\""));
                        break;
                    case "isbn":
                        if (YamlText.Scalar(field) is { } isbn && IsIsbn13(isbn))
                            edition = edition with { Isbn = isbn.Trim() };
                        else
                            Error(diagnostics, yaml.At(field), $"edition {year}'s isbn must be an ISBN-13 such as 978-4-86458-123-3 (its last digit checks the others), got \"{YamlText.Scalar(field)}\"");
                        break;
                    case "pdf":
                        var pdf = PublisherLoader.Text(field, $"edition {year}'s pdf", yaml, languages, diagnostics);
                        foreach (var (code, address) in pdf.Values.Where(v => !IsPdfAddress(v.Value)))
                            Error(diagnostics, pdf.At ?? yaml.At(field), $"edition {year}'s pdf in '{code}' must be an https:// address or a file under /assets/, got \"{address}\"");
                        edition = edition with { Pdf = pdf with { Values = pdf.Values.Where(v => IsPdfAddress(v.Value)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal) } };
                        break;
                    default:
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(fieldNode),
                            $"unknown key '{key}' in edition {year}{Suggestions.DidYouMean(key, Keys)}"));
                        break;
                }
            }

            editions[year] = edition;
        }

        return editions;
    }

    private static bool IsPdfAddress(string value) =>
        (value.StartsWith("https://", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out _))
        || (value.StartsWith("/assets/", StringComparison.Ordinal) && !value.Contains("..", StringComparison.Ordinal));

    /// 13 digits (hyphens and spaces allowed between) whose weighted sum is a multiple of 10.
    public static bool IsIsbn13(string text)
    {
        var digits = text.Where(c => c is not '-' and not ' ').ToArray();
        if (digits.Length != 13 || !digits.All(char.IsAsciiDigit))
            return false;
        var sum = 0;
        for (var i = 0; i < 13; i++)
            sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return sum % 10 == 0;
    }

    private static void Error(ICollection<Diagnostic> diagnostics, SourcePosition at, string message) =>
        diagnostics.Add(new Diagnostic(DiagnosticCodes.SiteConfig, Severity.Error, at, message));
}
