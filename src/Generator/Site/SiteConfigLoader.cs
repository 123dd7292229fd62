using Generator.Engine;
using YamlDotNet.RepresentationModel;

namespace Generator.Site;

/// Reads input/site.yml. Problems are diagnostics; the defaults stand in for what is
/// broken so the rest of the site is still checked in the same build.
public static class SiteConfigLoader
{
    private static readonly string[] KnownKeys = ["base_url", "default_language", "languages", "title", "paginate", "trusted_html", "allowed_assets", "max_markdown_mb", "max_asset_mb", "publisher", "image_widths", "publish_originals", "max_image_megapixels", "editions", "pdf", "share_cards", "search_bundle_pages"];
    private static readonly string[] LanguageKeys = ["code", "name", "title"];

    public static SiteConfig Load(string file, string displayPath, ICollection<Diagnostic> diagnostics)
    {
        if (!File.Exists(file))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.SiteConfig, Severity.Error, new SourcePosition(displayPath, 0, 0),
                "the site has no settings file; create it with base_url, default_language and languages"));
            return SiteConfig.Default;
        }

        if (TextFiles.Read(file, displayPath, out var text) is { } unreadable)
        {
            diagnostics.Add(unreadable);
            return SiteConfig.Default;
        }

        var yaml = new YamlText(displayPath);
        var before = diagnostics.Count;
        var root = yaml.Load(text, diagnostics);
        if (root is not YamlMappingNode map)
        {
            if (root is not null)
                Error(diagnostics, yaml.At(root), "site.yml must be a mapping of keys such as base_url and languages");
            else if (diagnostics.Count == before)
                diagnostics.Add(new Diagnostic(DiagnosticCodes.SiteConfig, Severity.Error, new SourcePosition(displayPath, 1, 1),
                    "site.yml is empty; write base_url, default_language and languages (see the README)"));
            return SiteConfig.Default;
        }

        var baseUrl = SiteConfig.Default.BaseUrl;
        string? defaultLanguage = null;
        string? siteTitle = null;
        var languages = new List<Language>();
        var pageSize = SiteConfig.Default.PageSize;
        var trustedHtml = false;
        var allowedAssets = new HashSet<string>(StringComparer.Ordinal);
        var maxMarkdown = SiteConfig.Default.MaxMarkdownBytes;
        var maxAsset = SiteConfig.Default.MaxAssetBytes;
        var imageWidths = SiteConfig.Default.ImageWidths;
        var publishOriginals = false;
        var shareCards = true;
        var maxImagePixels = SiteConfig.Default.MaxImagePixels;
        var pdf = false;
        var searchBundlePages = SiteConfig.Default.SearchBundlePages;
        YamlNode? publisherNode = null;
        YamlNode? editionsNode = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = YamlText.Scalar(keyNode) ?? "";
            switch (key)
            {
                case "base_url":
                    if (BaseUrl.Parse(YamlText.Scalar(value), out var problem) is { } uri)
                        baseUrl = uri;
                    else
                        Error(diagnostics, yaml.At(value), $"base_url {problem}, such as \"https://example.org/\", got \"{YamlText.Scalar(value)}\"");
                    break;
                case "default_language":
                    defaultLanguage = YamlText.Scalar(value);
                    break;
                case "paginate":
                    pageSize = WholeNumber(value, 1, 10_000, "paginate must be a whole number of topics per list page from 1 to 10000, such as 20", yaml, diagnostics) ?? pageSize;
                    break;
                case "title":
                    siteTitle = YamlText.Scalar(value);
                    break;
                case "trusted_html":
                    if (YamlText.Scalar(value) is "true" or "false")
                        trustedHtml = YamlText.Scalar(value) == "true";
                    else
                        Error(diagnostics, yaml.At(value), $"trusted_html must be true or false, got \"{YamlText.Scalar(value)}\"");
                    break;
                case "allowed_assets":
                    allowedAssets.UnionWith(ReadAllowedAssets(value, yaml, diagnostics));
                    break;
                case "max_markdown_mb":
                    maxMarkdown = Megabytes(value, key, yaml, diagnostics) ?? maxMarkdown;
                    break;
                case "max_asset_mb":
                    maxAsset = Megabytes(value, key, yaml, diagnostics) ?? maxAsset;
                    break;
                case "image_widths":
                    imageWidths = ReadImageWidths(value, yaml, diagnostics) ?? imageWidths;
                    break;
                case "publish_originals":
                    publishOriginals = Switch(value, key, yaml, diagnostics) ?? publishOriginals;
                    break;
                case "share_cards":
                    shareCards = Switch(value, key, yaml, diagnostics) ?? shareCards;
                    break;
                case "pdf":
                    pdf = Switch(value, key, yaml, diagnostics) ?? pdf;
                    break;
                case "max_image_megapixels":
                    maxImagePixels = WholeNumber(value, 1, 1000, "max_image_megapixels must be a whole number from 1 to 1000, such as 100", yaml, diagnostics) * 1_000_000L
                        ?? maxImagePixels;
                    break;
                case "search_bundle_pages":
                    searchBundlePages = WholeNumber(value, 1, 1_000_000, "search_bundle_pages must be a whole number of pages per search index from 1 to 1000000, such as 2000", yaml, diagnostics)
                        ?? searchBundlePages;
                    break;
                case "publisher":
                    // Read after the loop: its per-language text is checked against the languages.
                    publisherNode = value;
                    break;
                case "editions":
                    editionsNode = value; // per-language titles, read after the languages
                    break;
                case "languages":
                    languages.AddRange(ReadLanguages(value, yaml, siteTitle, diagnostics));
                    break;
                default:
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                        $"unknown key '{key}' in site.yml{Suggestions.DidYouMean(key, KnownKeys)}"));
                    break;
            }
        }

        if (languages.Count == 0)
        {
            Error(diagnostics, yaml.Start, "site.yml lists no languages; add 'languages:' with at least one code, such as en");
            languages.AddRange(SiteConfig.Default.Languages);
        }

        if (defaultLanguage is null)
        {
            defaultLanguage = languages[0].Code;
        }
        else if (languages.All(l => l.Code != defaultLanguage))
        {
            var node = map.Children.First(c => YamlText.Scalar(c.Key) == "default_language").Value;
            Error(diagnostics, yaml.At(node),
                $"default_language '{defaultLanguage}' is not one of the languages ({string.Join(", ", languages.Select(l => l.Code))})");
            defaultLanguage = languages[0].Code;
        }

        var publisher = publisherNode is null ? null : PublisherLoader.Read(publisherNode, yaml, languages, diagnostics);
        var editions = editionsNode is null ? null : EditionLoader.Read(editionsNode, yaml, languages, diagnostics);
        return new SiteConfig(baseUrl, defaultLanguage, languages) {
            Publisher = publisher,
            Editions = editions ?? SiteConfig.Default.Editions,
            PageSize = pageSize,
            TrustedHtml = trustedHtml,
            AllowedAssets = allowedAssets,
            MaxMarkdownBytes = maxMarkdown,
            MaxAssetBytes = maxAsset,
            ImageWidths = imageWidths,
            PublishOriginals = publishOriginals,
            ShareCards = shareCards,
            MaxImagePixels = maxImagePixels,
            Pdf = pdf,
            SearchBundlePages = searchBundlePages,
        };
    }

    /// image_widths: [480, 800, 1200, 1600]: the widths of each photo's derivatives, in pixels.
    private static IReadOnlyList<int>? ReadImageWidths(YamlNode node, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        const string Expected = "image_widths must be a list of widths in pixels from 16 to 8192, such as [480, 800, 1200, 1600]";
        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            Error(diagnostics, yaml.At(node), Expected);
            return null;
        }

        var widths = new SortedSet<int>();
        foreach (var item in list.Children)
        {
            if (int.TryParse(YamlText.Scalar(item), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width) && width is >= 16 and <= 8192)
                widths.Add(width);
            else
                Error(diagnostics, yaml.At(item), $"{Expected}, got \"{YamlText.Scalar(item)}\"");
        }

        return widths.Count > 0 ? [.. widths] : null;
    }

    private static IEnumerable<Language> ReadLanguages(YamlNode node, YamlText yaml, string? siteTitle, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlSequenceNode list)
        {
            Error(diagnostics, yaml.At(node), "languages must be a list, such as '- code: en'");
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            string? code = null, name = null, title = null;
            if (item is YamlScalarNode scalar)
            {
                code = scalar.Value;
            }
            else if (item is YamlMappingNode entry)
            {
                foreach (var (keyNode, value) in entry.Children)
                {
                    var key = YamlText.Scalar(keyNode) ?? "";
                    switch (key)
                    {
                        case "code": code = YamlText.Scalar(value); break;
                        case "name": name = YamlText.Scalar(value); break;
                        case "title": title = YamlText.Scalar(value); break;
                        default:
                            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                                $"unknown key '{key}' in a language{Suggestions.DidYouMean(key, LanguageKeys)}"));
                            break;
                    }
                }
            }

            if (string.IsNullOrWhiteSpace(code) || !IsLanguageCode(code))
            {
                Error(diagnostics, yaml.At(item), "each language needs a code of letters such as 'en' or 'ja'");
                continue;
            }

            if (!seen.Add(code))
            {
                Error(diagnostics, yaml.At(item), $"language '{code}' is listed twice");
                continue;
            }

            var known = SiteConfig.Default.Find(code);
            yield return new Language(code, name ?? known?.Name ?? code, title ?? siteTitle ?? known?.Title ?? "");
        }
    }

    /// allowed_assets: [assets/widget.js, assets/embed/map.html]: paths as they are published.
    private static IEnumerable<string> ReadAllowedAssets(YamlNode node, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlSequenceNode list)
        {
            Error(diagnostics, yaml.At(node), "allowed_assets must be a list of files, such as [assets/widget.js]");
            yield break;
        }

        foreach (var item in list)
        {
            var path = YamlText.Scalar(item);
            if (path is null || !path.StartsWith("assets/", StringComparison.Ordinal) || path.Length == "assets/".Length
                || path.Split('/').Any(s => s is "" or "." or "..") || path.Contains('\\'))
            {
                Error(diagnostics, yaml.At(item),
                    $"each allowed_assets entry must be a file under input/assets/ written as it is published, such as assets/widget.js, got \"{path ?? "a " + item.NodeType.ToString().ToLowerInvariant()}\"");
                continue;
            }

            yield return path;
        }
    }

    /// A true-or-false setting, or null (reported) for anything else.
    private static bool? Switch(YamlNode node, string key, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        if (YamlText.Scalar(node) is "true" or "false")
            return YamlText.Scalar(node) == "true";
        Error(diagnostics, yaml.At(node), $"{key} must be true or false, got \"{YamlText.Scalar(node)}\"");
        return null;
    }

    private static long? Megabytes(YamlNode node, string key, YamlText yaml, ICollection<Diagnostic> diagnostics) =>
        WholeNumber(node, 1, 100_000, $"{key} must be a whole number of megabytes between 1 and 100000, such as 64", yaml, diagnostics) * 1024L * 1024L;

    /// A whole number from <paramref name="min"/> to <paramref name="max"/>, or null after an
    /// error that says what to write (<paramref name="must"/>) and what was written.
    private static int? WholeNumber(YamlNode node, int min, int max, string must, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        if (int.TryParse(YamlText.Scalar(node), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
            return number;
        Error(diagnostics, yaml.At(node), $"{must}, got {YamlText.Written(node)}");
        return null;
    }

    private static bool IsLanguageCode(string code) =>
        code.Length is >= 2 and <= 12 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static void Error(ICollection<Diagnostic> diagnostics, SourcePosition at, string message) =>
        diagnostics.Add(new Diagnostic(DiagnosticCodes.SiteConfig, Severity.Error, at, message));
}
