namespace Generator.Markdown;

/// Finds blockquote and list markers stacked deeper than any real document needs
/// ("> > > …", "- - - …"). Markdig refuses such input with an exception (and a parser
/// without that limit would overflow the stack), so the page is reported at the exact
/// marker instead of being parsed.
public static class NestingDepth
{
    /// Deeper than a white paper ever nests, and well under Markdig's own limit.
    public const int Limit = 64;

    /// The 1-based line and column of the first marker beyond <see cref="Limit"/>, or null.
    public static (int Line, int Column)? FirstTooDeep(string text)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            if (TooDeepAt(text, start, end) is { } column)
                return (line, column - start + 1);
            line++;
            start = end + 1;
        }

        return null;
    }

    /// Index of the marker that exceeds the limit on the line text[start..end], or null.
    private static int? TooDeepAt(string text, int start, int end)
    {
        var depth = 0;
        var i = start;
        while (i < end)
        {
            while (i < end && text[i] is ' ' or '\t')
                i++;
            if (i >= end)
                return null;
            var markerEnd = MarkerEnd(text, i, end);
            if (markerEnd < 0)
                return null;
            if (++depth > Limit)
                return i;
            i = markerEnd;
        }

        return null;
    }

    /// Where a '>' or list marker starting at <paramref name="i"/> ends, or -1 when there is none.
    private static int MarkerEnd(string text, int i, int end)
    {
        if (text[i] == '>')
            return i + 1;
        if (text[i] is '-' or '*' or '+')
            return i + 1 == end || text[i + 1] is ' ' or '\t' or '\r' ? i + 1 : -1;
        var digits = i;
        while (digits < end && digits - i < 9 && char.IsAsciiDigit(text[digits]))
            digits++;
        if (digits == i || digits >= end || text[digits] is not ('.' or ')'))
            return -1;
        return digits + 1 == end || text[digits + 1] is ' ' or '\t' or '\r' ? digits + 1 : -1;
    }

    /// HTML elements nested deeper than this are refused before the sanitizer parses
    /// them: an HTML parser checks the stack of open elements for each tag, so 200,000
    /// nested tags would take hours.
    public const int HtmlLimit = 256;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// Index of the first tag in <paramref name="html"/> that opens an element deeper than
    /// <see cref="HtmlLimit"/>, or null. A linear scan, approximate by design: unclosed tags count.
    public static int? FirstHtmlTooDeep(string html)
    {
        var depth = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0)
                    return null;
                i = close;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
                end++;
            if (end == start || !char.IsAsciiLetter(html[start]))
                continue;
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            var tagEnd = html.IndexOf('>', end);
            if (tagEnd < 0)
                return null;
            if (html[tagEnd - 1] == '/' || VoidElements.Contains(html[start..end]))
                continue;
            if (++depth > HtmlLimit)
                return i;
        }

        return null;
    }

    /// 1-based line and column of <paramref name="index"/> in <paramref name="text"/>.
    public static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = text.IndexOf('\n'); i >= 0 && i < index; i = text.IndexOf('\n', i + 1))
        {
            line++;
            lineStart = i + 1;
        }

        return (line, index - lineStart + 1);
    }
}
