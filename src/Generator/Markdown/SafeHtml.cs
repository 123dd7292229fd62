using Ganss.Xss;
using Generator.Engine;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

/// The raw HTML policy for content written by many hands (issue 8): a page body keeps
/// only HtmlSanitizer's allow-list (no script, no event handlers, no javascript: URLs).
/// Every raw HTML snippet, link and attribute that the policy would change is reported
/// where it is written, so the editor learns why something vanished; the rendered body is
/// then sanitized as a whole, which also covers what Markdown itself can produce
/// (<c>[x](javascript:…)</c>, <c>{onclick=…}</c> attributes).
public sealed class SafeHtml
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    /// Attributes the generator itself writes (figures, footnotes, heading ids).
    private static readonly string[] GeneratorAttributes = ["id", "class", "loading", "role", "aria-hidden", "aria-label", "lang", "hreflang"];

    // Made on first use: its set-up (AngleSharp's CSS tables) costs a tenth of a small
    // site's start-up, and most sites never need it.
    private readonly Lazy<HtmlSanitizer> sanitizer = new(Create);

    /// Sanitizes a rendered body. HtmlSanitizer is safe to share across threads once configured.
    public string Clean(string html) => sanitizer.Value.Sanitize(html);

    /// Reports, at its position, each raw HTML snippet, URL and attribute the policy removes,
    /// and tells whether the rendered body needs <see cref="Clean"/> at all. Markdig escapes
    /// text and attribute values itself, so a body without raw HTML, without a URL scheme
    /// outside the safe list and without key=value attributes (a figure's credit aside) is
    /// made only of markup the policy allows. Most pages are like that, and the sanitizer,
    /// which parses and re-serializes the whole body, was the largest cost of a build (issue 6).
    public static bool Check(MarkdownDocument document, string source, ICollection<Diagnostic> diagnostics)
    {
        var needsCleaning = false;
        foreach (var node in document.Descendants())
        {
            var raw = node switch
            {
                HtmlBlock block => block.Lines.ToString(),
                HtmlInline inline when !inline.Tag.StartsWith("</", StringComparison.Ordinal) => inline.Tag,
                _ => null,
            };
            var at = new SourcePosition(source, node.Line + 1, node.Column + 1); // Markdig is 0-based
            if (raw is not null)
            {
                needsCleaning = true;
                foreach (var removed in Removals(raw))
                    diagnostics.Add(Unsafe(at, $"raw HTML {removed} is removed"));
            }

            var url = node switch
            {
                LinkInline link => link.Url,
                AutolinkInline { IsEmail: false } autolink => autolink.Url,
                _ => null,
            };
            if (url is not null && SchemeOf(url) is { } scheme && !SafeSchemes.Contains(scheme))
            {
                needsCleaning = true;
                diagnostics.Add(Unsafe(at, $"the link '{Shorten(url)}' is removed ({scheme}: URLs are not allowed)"));
            }

            foreach (var property in node.TryGetAttributes()?.Properties ?? [])
            {
                if (!IsFigureCredit(node, property.Key))
                    needsCleaning = true;
                if (property.Key.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    diagnostics.Add(Unsafe(at, $"the attribute '{property.Key}' is removed"));
            }
        }

        return needsCleaning;
    }

    /// A figure's credit is read by the figure renderer and never written as an attribute.
    private static bool IsFigureCredit(MarkdownObject node, string key) =>
        key == FigureFinder.CreditAttribute && node is LinkInline { IsImage: true, Parent: { ParentBlock: ParagraphBlock paragraph } } image
        && FigureFinder.LoneImage(paragraph) == image;

    private static Diagnostic Unsafe(SourcePosition at, string what) =>
        new(DiagnosticCodes.UnsafeHtml, Severity.Warning, at,
            $"{what}: raw HTML is limited to a safe list (no scripts, event handlers or javascript: links); " +
            "write Markdown instead, or set 'trusted_html: true' in site.yml if every author is trusted");

    private static List<string> Removals(string raw)
    {
        var removals = new List<string>();
        var detector = Create();
        detector.RemovingTag += (_, e) => removals.Add($"<{e.Tag.LocalName}>");
        detector.RemovingAttribute += (_, e) => removals.Add($"attribute '{e.Attribute.Name}' of <{e.Tag.LocalName}>");
        detector.RemovingStyle += (_, e) => removals.Add($"style '{e.Style.Name}' of <{e.Tag.LocalName}>");
        detector.RemovingComment += (_, _) => { };
        detector.Sanitize(raw);
        return removals;
    }

    private static string? SchemeOf(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        if (colon <= 0 || trimmed.IndexOfAny(['/', '?', '#']) is var stop && stop >= 0 && stop < colon)
            return null;
        return trimmed[..colon].ToLowerInvariant();
    }

    private static string Shorten(string url) => url.Length <= 40 ? url : url[..40] + "…";

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in SafeSchemes)
            sanitizer.AllowedSchemes.Add(scheme);
        foreach (var attribute in GeneratorAttributes)
            sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        return sanitizer;
    }
}
