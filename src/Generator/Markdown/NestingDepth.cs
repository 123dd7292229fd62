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
}
