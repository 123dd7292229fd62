namespace Generator.Site;

/// Follows the brackets of flow collections ('[a, b]', '{en: …}') through YAML text that
/// failed to parse, to find the one left open or closed wrongly. YamlDotNet gives no
/// position for an unclosed '[' followed by more keys (it fails in an internal state), and
/// that is the most common flow mistake an editor makes.
internal static class YamlFlow
{
    public static (int Line, int Column, string Message)? FirstMistake(string[] lines, Func<int, int, string> at)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        (char Bracket, int Line, int Column) outermost = default;
        var blockIndent = 0;
        var blockScalarIndent = -1;
        for (var n = 1; n <= lines.Length; n++)
        {
            var text = lines[n - 1];
            var key = YamlMistakes.Parse(text);
            int i;
            if (open.Count == 0)
            {
                if (key is not { } line)
                    continue;
                if (blockScalarIndent >= 0 && line.Indent > blockScalarIndent)
                    continue; // a line of a '|' or '>' value: text, not YAML
                blockScalarIndent = -1;
                i = ValueStart(text, line.Colon >= 0 ? line.Colon + 1 : line.Content);
                if (i >= text.Length)
                    continue;
                if (text[i] is '|' or '>')
                {
                    blockScalarIndent = line.Indent;
                    continue;
                }

                if (text[i] is not ('[' or '{'))
                    continue;
                blockIndent = line.Indent;
            }
            else
            {
                // A flow collection may go on over lines indented more than the one that opened it.
                if (key is { } line && line.Indent <= blockIndent)
                    return Unclosed(open.Peek(), at);
                i = 0;
            }

            var afterClose = false;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (afterClose)
                {
                    if (c == ' ')
                        continue;
                    if (c == '#')
                        break;
                    return (n, i + 1, $"'{Shorten(text[i..])}' follows the end of the {What(outermost.Bracket)} opened at {at(outermost.Line, outermost.Column)}; remove it, or move it inside the brackets");
                }

                switch (c)
                {
                    case '"' or '\'':
                        i = ClosingQuote(text, i);
                        break;
                    case '#' when i == 0 || text[i - 1] == ' ':
                        i = text.Length;
                        break;
                    case '[' or '{':
                        if (open.Count == 0)
                            outermost = (c, n, i + 1);
                        open.Push((c, n, i + 1));
                        break;
                    case ']' or '}':
                        var top = open.Pop();
                        if (Closer(top.Bracket) != c)
                            return (n, i + 1, $"'{c}' does not close the '{top.Bracket}' opened at {at(top.Line, top.Column)}; close that one with '{Closer(top.Bracket)}'");
                        afterClose = open.Count == 0;
                        break;
                }
            }
        }

        return open.Count > 0 ? Unclosed(open.Peek(), at) : null;
    }

    private static (int Line, int Column, string Message) Unclosed((char Bracket, int Line, int Column) opened, Func<int, int, string> at) =>
        (opened.Line, opened.Column, opened.Bracket == '['
            ? $"the list opened at {at(opened.Line, opened.Column)} is never closed; add ']' after its last entry"
            : $"the '{{' opened at {at(opened.Line, opened.Column)} is never closed; add '}}' after its last key and value");

    /// Where a value starting at <paramref name="from"/> really starts: after spaces, an anchor (&amp;a) and a tag (!!str).
    private static int ValueStart(string text, int from)
    {
        var i = from;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
                i++;
            if (i >= text.Length || text[i] is not ('&' or '!'))
                return i;
            while (i < text.Length && text[i] != ' ')
                i++;
        }
    }

    /// The index of the quote that closes the one at <paramref name="start"/> on the same line, or the line's end.
    private static int ClosingQuote(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
                i++;
            else if (text[i] == quote && quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                i++;
            else if (text[i] == quote)
                return i;
        }

        return text.Length;
    }

    private static char Closer(char bracket) => bracket == '[' ? ']' : '}';

    private static string What(char bracket) => bracket == '[' ? "list" : "'{…}'";

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
