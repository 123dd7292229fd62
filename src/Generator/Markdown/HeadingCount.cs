namespace Generator.Markdown;

/// Counts headings before Markdig parses a page. Markdig's heading ids number a repeated
/// heading by trying "-1", "-2", … in turn, so k identical headings cost k² (50,000 "## h"
/// ran for minutes, issue 13): a page with more headings than any real one has is refused
/// at the first too many.
public static class HeadingCount
{
    /// A 3,000-word topic has a few dozen; a thousand identical ones still take milliseconds.
    public const int Limit = 1000;

    /// The 1-based line and column of the first heading beyond <see cref="Limit"/>, or null.
    /// A line counts when, after indentation and quote or list markers, it starts with one to
    /// six '#' and a space (or ends there), or is a run of '=' or '-' under a line of text
    /// (a setext heading): the count may include lines that are not headings, never misses one.
    public static (int Line, int Column)? FirstBeyondLimit(string text)
    {
        var count = 0;
        var line = 1;
        var previousBlank = true;
        var frontMatter = text.StartsWith("---", StringComparison.Ordinal);
        for (var start = 0; start <= text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            if (frontMatter)
            {
                // The front matter's own '---' lines are not headings.
                frontMatter = line == 1 || text.AsSpan(start, end - start).TrimEnd() is not ("---" or "...");
                start = end + 1;
                continue;
            }

            var i = start;
            while (i < end && text[i] is ' ' or '\t' or '>' or '-' or '*' or '+')
                i++;
            var hashes = 0;
            while (i + hashes < end && text[i + hashes] == '#')
                hashes++;
            var atx = hashes is >= 1 and <= 6 && (i + hashes == end || text[i + hashes] is ' ' or '\t' or '\r');
            var setext = !previousBlank && IsUnderline(text.AsSpan(start, end - start));
            if ((atx || setext) && ++count > Limit)
                return (line, (atx ? i : start) - start + 1);
            previousBlank = text.AsSpan(start, end - start).IsWhiteSpace();
            start = end + 1;
        }

        return null;
    }

    private static bool IsUnderline(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && (trimmed.IndexOfAnyExcept('=') < 0 || trimmed.IndexOfAnyExcept('-') < 0);
    }
}
