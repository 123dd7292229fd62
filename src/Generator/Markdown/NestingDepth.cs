namespace Generator.Markdown;

/// Finds blockquote and list markers nested deeper than any real document needs, whether
/// stacked on one line ("> > > …", "- - - …") or nested by indentation (each item two
/// spaces further in than the last). Markdig refuses the first kind with an exception and
/// takes cubic time over the second (issue 13: 5,000 levels ran past two minutes), so the
/// page is reported at the exact marker instead of being parsed.
public static class NestingDepth
{
    /// Deeper than a white paper ever nests, and well under Markdig's own limit.
    public const int Limit = 64;

    /// The 1-based line and column of the first marker beyond <see cref="Limit"/>, or null.
    /// A linear scan that follows CommonMark's containers closely enough to count: each
    /// list item opened and still open (by indentation) counts one level, each '>' on the
    /// line one more. Where it cannot tell (a heading after a list, say) it keeps the item
    /// open, erring towards counting more, which only matters at depths no real document reaches.
    public static (int Line, int Column)? FirstTooDeep(string text)
    {
        // Content columns of the list items open at the current quote depth.
        var items = new List<int>();
        var quotes = 0;
        var previousBlank = true;
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            if (TooDeepAt(text, start, end, items, ref quotes, ref previousBlank) is { } index)
                return (line, index - start + 1);
            line++;
            start = end + 1;
        }

        return null;
    }

    /// Index of the marker that exceeds the limit on the line text[start..end], or null;
    /// updates the items left open after the line. Columns count tabs to the next multiple of four.
    private static int? TooDeepAt(string text, int start, int end, List<int> items, ref int quotes, ref bool previousBlank)
    {
        var i = start;
        var column = 0;
        var lineQuotes = 0;
        while (true)
        {
            var next = SkipSpaces(text, i, end, ref column);
            if (next >= end || text[next] != '>')
                break;
            if (++lineQuotes > Limit)
                return next;
            i = next + 1;
            column++;
        }

        var origin = column;
        var first = SkipSpaces(text, i, end, ref column);
        if (first >= end || text[first] == '\r')
        {
            previousBlank = true;
            return null;
        }

        if (lineQuotes != quotes && (lineQuotes > 0 || previousBlank))
        {
            items.Clear(); // another quote depth: the items of the last one do not hold this line
            quotes = lineQuotes;
        }

        var indent = column - origin;
        // A line without a marker right after text may be a lazy continuation, which keeps
        // every item open; any other line closes the items it is not indented into.
        if (MarkerEnd(text, first, end) >= 0 || previousBlank)
        {
            while (items.Count > 0 && items[^1] > indent)
                items.RemoveAt(items.Count - 1);
        }

        previousBlank = false;
        if (indent >= (items.Count > 0 ? items[^1] : 0) + 4)
            return null; // indented code
        i = first;
        while (i < end)
        {
            if (text[i] == '>')
            {
                if (++lineQuotes + items.Count > Limit)
                    return i;
                column++;
                i = SkipSpaces(text, i + 1, end, ref column);
                continue;
            }

            var markerEnd = MarkerEnd(text, i, end);
            if (markerEnd < 0)
                break;
            if (lineQuotes + items.Count + 1 > Limit)
                return i;
            column += markerEnd - i;
            var atMarkerEnd = column;
            var content = SkipSpaces(text, markerEnd, end, ref column);
            var width = column - atMarkerEnd;
            items.Add(atMarkerEnd - origin + (width is >= 1 and <= 4 ? width : 1));
            i = content;
        }

        return null;
    }

    private static int SkipSpaces(string text, int i, int end, ref int column)
    {
        for (; i < end && text[i] is ' ' or '\t'; i++)
            column = text[i] == '\t' ? column + 4 - column % 4 : column + 1;
        return i;
    }

    /// Where a list marker starting at <paramref name="i"/> ends, or -1 when there is none.
    private static int MarkerEnd(string text, int i, int end)
    {
        if (i >= end)
            return -1;
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

    /// Where brackets or emphasis markers open deepest: the index of the first '[' that is
    /// more than <see cref="Limit"/> deep on its line, or of the first '*' or '_' that makes a
    /// run longer than that; 0 when there is none.
    public static int DeepestOpeners(string text)
    {
        var depth = 0;
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            depth = c switch { '[' => depth + 1, ']' => Math.Max(0, depth - 1), '\n' => 0, _ => depth };
            run = c is '*' or '_' ? run + 1 : 0;
            if (depth > Limit || run > Limit)
                return i;
        }

        return 0;
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
