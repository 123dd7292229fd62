namespace Generator.Markdown;

/// Counts link reference definitions ("[label]: /en/topics/2022/x/") before Markdig parses
/// a page. Markdig takes quadratic time over a run of them in one paragraph (each one it
/// takes off the paragraph copies and re-measures the lines left: 100,000 took 47 s,
/// issue 13), so a page with more than any real one needs is refused at the first too many.
public static class LinkDefinitions
{
    /// Far more than a white paper topic cites; Markdig handles this many in milliseconds.
    public const int Limit = 1000;

    /// The 1-based line and column of the first definition beyond <see cref="Limit"/>, or
    /// null. A line counts when, after indentation and quote or list markers, it starts with
    /// '[' and has "]:" later on, so the count may include lines that are not definitions
    /// but never misses one.
    public static (int Line, int Column)? FirstBeyondLimit(string text)
    {
        var count = 0;
        var line = 1;
        for (var start = 0; start <= text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            var i = start;
            while (i < end && (text[i] is ' ' or '\t' or '>' or '-' or '*' or '+' or '.' or ')' || char.IsAsciiDigit(text[i])))
                i++;
            if (i < end && text[i] == '[' && text.AsSpan(i, end - i).Contains("]:", StringComparison.Ordinal) && ++count > Limit)
                return (line, i - start + 1);
            start = end + 1;
        }

        return null;
    }
}
