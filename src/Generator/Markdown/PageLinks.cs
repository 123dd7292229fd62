using AngleSharp.Html.Parser;
using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

/// The links and images of one page, as Markdown writes them and as its raw HTML does
/// (issue 13: <c>&lt;img src="/nope.png"&gt;</c> and <c>&lt;a href="/en/no-such-page/"&gt;</c>
/// passed unchecked): each is checked the same way, alt text first, then resolved and
/// recorded for CheckLinks, fragment included.
internal sealed class PageLinks(SiteConfig site, PageSource page, ICollection<Diagnostic> diagnostics)
{
    // One parser per thread: pages are rendered in parallel.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }));

    public List<LinkReference> Found { get; } = [];

    /// Checks the Markdown links and images, and rewrites each internal one for the base path.
    public void CheckMarkdown(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            var at = new SourcePosition(page.Source, link.Line + 1, link.Column + 1); // Markdig is 0-based
            if (Check(link.Url, link.IsImage, link.IsImage ? AltText(link) : null, at,
                    "describe what it shows between the brackets: ![Foreign Minister delivering a video message](…)") is { } href)
            {
                link.Url = href;
                link.GetDynamicUrl = null;
            }
        }
    }

    /// Checks the href of each &lt;a&gt;, the src and alt of each &lt;img&gt; and every srcset image in raw HTML,
    /// at the tag's position, and rewrites internal ones for the base path as Markdown links
    /// are. The HTML is read with AngleSharp, as a browser would.
    public void CheckRawHtml(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            if (node is HtmlInline inline && !inline.Tag.StartsWith("</", StringComparison.Ordinal))
            {
                if (CheckHtml(inline.Tag, (_, column) => new SourcePosition(page.Source, inline.Line + 1, inline.Column + column)) is { } rewritten)
                    inline.Tag = rewritten;
            }
            else if (node is HtmlBlock block)
            {
                var lines = block.Lines;
                var text = lines.ToString();
                if (CheckHtml(text, (line, column) => line <= lines.Count
                        ? new SourcePosition(page.Source, lines.Lines[line - 1].Line + 1, lines.Lines[line - 1].Column + column)
                        : new SourcePosition(page.Source, block.Line + 1, block.Column + 1)) is { } rewritten)
                {
                    var split = rewritten.Split('\n');
                    var group = new Markdig.Helpers.StringLineGroup(split.Length);
                    for (var i = 0; i < split.Length; i++)
                    {
                        var original = i < lines.Count ? lines.Lines[i] : lines.Lines[lines.Count - 1];
                        group.Add(new Markdig.Helpers.StringLine(new Markdig.Helpers.StringSlice(split[i]), original.Line, original.Column, original.Position, original.NewLine));
                    }

                    block.Lines = group;
                }
            }
        }
    }

    /// Checks the links and images of one raw HTML snippet; returns it with internal
    /// addresses rewritten, or null when nothing changes.
    private string? CheckHtml(string html, Func<int, int, SourcePosition> position)
    {
        if (!html.Contains("<a", StringComparison.OrdinalIgnoreCase) && !html.Contains("<img", StringComparison.OrdinalIgnoreCase)
            && !html.Contains("<area", StringComparison.OrdinalIgnoreCase) && !html.Contains("<source", StringComparison.OrdinalIgnoreCase))
            return null;
        using var parsed = Parser.Value!.ParseDocument(html);
        var lineStarts = new List<int> { 0 };
        for (var i = html.IndexOf('\n'); i >= 0; i = html.IndexOf('\n', i + 1))
            lineStarts.Add(i + 1);
        var edits = new List<(int Start, int End, string Value)>();
        foreach (var element in parsed.QuerySelectorAll("a[href], area[href], img, source[srcset]"))
        {
            var source = element.SourceReference?.Position;
            var at = source is { } p ? position(p.Line, p.Column) : position(1, 1);
            var tagStart = source is { } t && t.Line <= lineStarts.Count ? lineStarts[t.Line - 1] + t.Column - 1 : -1;
            var isImage = element.LocalName is "img" or "source";
            var attribute = isImage ? "src" : "href";
            var written = element.GetAttribute(attribute);
            var href = Check(written, isImage, element.LocalName == "img" ? element.GetAttribute("alt") ?? "" : null, at,
                "describe what it shows in the tag: <img src=\"…\" alt=\"Foreign Minister delivering a video message\">");
            if (href is not null && href != written && RawTag.ValueSpan(html, tagStart, attribute) is { } span)
                edits.Add((span.Start, span.End, href));
            if (element.GetAttribute("srcset") is { } srcset && CheckSrcset(srcset, at) is { } rewritten && RawTag.ValueSpan(html, tagStart, "srcset") is { } set)
                edits.Add((set.Start, set.End, rewritten));
        }

        if (edits.Count == 0)
            return null;
        var result = new System.Text.StringBuilder(html);
        foreach (var (start, end, value) in edits.OrderByDescending(e => e.Start))
            result.Remove(start, end - start).Insert(start, "\"" + System.Net.WebUtility.HtmlEncode(value) + "\"");
        return result.ToString();
    }

    /// Checks each image of a srcset ("a.jpg 1x, b.jpg 2x"); returns it with internal
    /// addresses rewritten, or null when nothing changes.
    private string? CheckSrcset(string srcset, SourcePosition at)
    {
        var changed = false;
        var candidates = srcset.Split(',').Select(candidate =>
        {
            var trimmed = candidate.Trim();
            var cut = trimmed.IndexOfAny([' ', '\t', '\n']);
            var url = cut < 0 ? trimmed : trimmed[..cut];
            if (url.Length == 0 || Check(url, isImage: true, alt: null, at, "") is not { } href || href == url)
                return trimmed;
            changed = true;
            return href + trimmed[url.Length..];
        }).ToList();
        return changed ? string.Join(", ", candidates) : null;
    }

    /// Reports a missing alt text (when <paramref name="alt"/> is given) and a link that
    /// climbs above the site root; records an internal link for CheckLinks. Returns the
    /// address to write for an internal link, or null.
    private string? Check(string? url, bool isImage, string? alt, SourcePosition at, string altHint)
    {
        if (alt is not null && string.IsNullOrWhiteSpace(alt))
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingAltText, Severity.Error, at, "image has no alt text; " + altHint));
        if (url is null)
            return null;
        if (url.StartsWith('#'))
        {
            if (Fragment(url) is { } own)
                Found.Add(new LinkReference(page.Url, url, isImage, at, own));
            return null;
        }

        if (SitePaths.Resolve(url, page.Url, page.RelativePath) is not { } resolved)
            return null;
        if (resolved.Target is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.LinkOutsideSite, Severity.Error, at,
                $"'{url}' climbs above the site root; write a path from the site root such as /en/topics/2022/human-security/"));
            return null;
        }

        Found.Add(new LinkReference(resolved.Target, url, isImage, at, Fragment(resolved.Suffix)));
        return site.Href(resolved.Target) + resolved.Suffix;
    }

    /// The id a "?query#id" suffix points at, unescaped; null when there is none.
    private static string? Fragment(string suffix)
    {
        var hash = suffix.IndexOf('#');
        return hash < 0 || hash == suffix.Length - 1 ? null : Uri.UnescapeDataString(suffix[(hash + 1)..]);
    }

    public static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
