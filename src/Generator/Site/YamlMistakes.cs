using YamlDotNet.Core;

namespace Generator.Site;

/// Turns a YAML failure into the mistake an editor made, in our words, at the line and
/// column where it is (issue 13, A.14). YamlDotNet's messages describe its grammar
/// ("While parsing a block mapping, did not find expected key.") and often point past the
/// mistake: at the next key after a missing colon, or nowhere at all for an unclosed '['.
/// This looks at the text around the failure for the common mistakes (a tab, an unclosed
/// quote or bracket, a duplicate key, bad indentation, a missing colon) and falls back to
/// YamlDotNet's position with a plain sentence.
internal static class YamlMistakes
{
    /// A 1-based line and column in the YAML text and the message. <paramref name="lineOffset"/>
    /// turns the text's lines into file lines for positions quoted in messages.
    public static (int Line, int Column, string Message) Explain(string text, YamlException? error, int lineOffset)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string At(int line, int column) => $"({line + lineOffset},{column})";

        var lastLine = error is null ? lines.Length : (int)Math.Max(error.Start.Line, error.End.Line);
        if (YamlFlow.FirstMistake(lines, At) is { } flow && flow.Line <= lastLine)
            return flow;
        if (error is null)
            return (1, 1, "invalid YAML that cannot be read; check quotes, brackets and invisible characters such as a byte order mark");

        var line = (int)error.Start.Line;
        var column = (int)error.Start.Column;
        // YamlDotNet often reports a tab far from it (at (1,1) for "tags:" then "\t- a"), and a
        // line that starts with a tab is never valid outside quotes: look there next.
        if ((TabIndent(lines, line, lastLine) ?? FirstLineStartingWithTab(lines)) is { } tab)
            return (tab.Line, tab.Column, "a tab indents this line; YAML indentation must be spaces, so replace the tab with spaces");

        var message = error.Message;
        if (error is AnchorNotFoundException)
            return Alias(text, lines, message);
        if (message.StartsWith("Duplicate key ", StringComparison.Ordinal))
            return Duplicate(lines, line, column, message["Duplicate key ".Length..].Trim(), At);
        if (message.Contains("unknown escape character", StringComparison.Ordinal) || message.Contains("hexadecimal number", StringComparison.Ordinal))
        {
            // "C:\path" in double quotes: the backslash starts an escape (YamlDotNet points at or after it).
            var escapeLine = (int)error.End.Line;
            var escaped = Line(lines, escapeLine);
            var backslash = escaped.LastIndexOf('\\', Math.Clamp((int)error.End.Column - 1, 0, Math.Max(0, escaped.Length - 1)));
            if (backslash >= 0)
            {
                var escape = escaped.Substring(backslash, Math.Min(2, escaped.Length - backslash));
                return (escapeLine, backslash + 1, $"'{escape}' in double quotes starts an escape; write '\\\\' for a backslash, or put the value in single quotes");
            }
        }

        if (message.Contains("quoted scalar", StringComparison.Ordinal) && CharAt(lines, line, column) is '"' or '\'')
        {
            var quote = CharAt(lines, line, column);
            return (line, column, $"unclosed quote: close the quote opened at {At(line, column)} with a matching {quote} at the end of the value");
        }

        if (message.Contains("cannot start any token", StringComparison.Ordinal) && CharAt(lines, line, column) is { } start and not (' ' or '\t'))
            return (line, column, $"a value cannot start with '{start}'; put the value in quotes, such as \"{start}…\"");

        if (message.Contains("mapping", StringComparison.Ordinal) || message.Contains("expected key", StringComparison.Ordinal)
            || message.Contains("'-' indicator", StringComparison.Ordinal) || message.Contains("expected ':'", StringComparison.Ordinal))
        {
            if (Structure(lines, line, column, message, At, lineOffset) is { } structure)
                return structure;
        }

        return (line, column, "invalid YAML here; check the quotes, brackets, colons and indentation of this line");
    }

    /// A key line's parts: where its content starts (after "- " markers), the key's colon
    /// (-1 without one) and whether a value follows the colon on the same line.
    internal readonly record struct KeyLine(int Indent, int Content, int Colon, bool HasValue);

    internal static KeyLine? Parse(string line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] == ' ')
            indent++;
        if (indent == line.Length || line[indent] == '#')
            return null;
        var content = indent;
        while (content + 1 < line.Length && line[content] == '-' && line[content + 1] == ' ')
        {
            content += 2;
            while (content < line.Length && line[content] == ' ')
                content++;
        }

        var colon = KeyColon(line, content);
        var hasValue = colon >= 0 && line[(colon + 1)..].Trim() is { Length: > 0 } rest && rest[0] != '#';
        return new KeyLine(indent, content, colon, hasValue);
    }

    /// The colon that ends a plain or quoted key starting at <paramref name="from"/>, or -1.
    private static int KeyColon(string line, int from)
    {
        var i = from;
        if (i < line.Length && line[i] is '"' or '\'')
        {
            var close = line.IndexOf(line[i], i + 1);
            if (close < 0)
                return -1;
            i = close + 1;
        }

        for (; i < line.Length; i++)
        {
            if (line[i] == '#' && i > from && line[i - 1] == ' ')
                return -1;
            if (line[i] == ':' && (i + 1 == line.Length || line[i + 1] == ' '))
                return i;
        }

        return -1;
    }

    private static (int Line, int Column, string Message)? Structure(string[] lines, int line, int column, string message, Func<int, int, string> at, int lineOffset)
    {
        if (message.Contains("multiline plain scalar", StringComparison.Ordinal))
        {
            // "title T" followed by "summary: S": YamlDotNet reads both lines as one value and
            // stops at the second colon; the mistake is the line before without a colon.
            for (var previous = line - 1; previous >= 1; previous--)
            {
                if (Parse(Line(lines, previous)) is not { } earlier)
                    continue;
                if (earlier.Colon < 0)
                    return MissingColon(lines, previous, earlier);
                break;
            }
        }

        if (Parse(Line(lines, line)) is not { } here)
            return null;
        var text = Line(lines, line);
        if (here.Colon < 0)
        {
            if (text[here.Indent] == '-')
                return (line, here.Indent + 1, "a list entry here needs a key above it that holds the list, such as 'tags:', with the entries indented under it");
            return MissingColon(lines, line, here);
        }

        var value = here.Colon + 1;
        while (value < text.Length && text[value] == ' ')
            value++;
        if (value < text.Length && text[value] is '"' or '\'' && text.IndexOf(text[value], value + 1) is var close and >= 0 && column - 1 > close)
            return (line, column, $"text after the closing quote at {at(line, close + 1)}; put all of the value inside the quotes");
        if (message.Contains("invalid mapping", StringComparison.Ordinal) && column - 1 > here.Colon)
            return (line, column, $"the value contains ': '; put the value in quotes, such as {text[here.Content..here.Colon]}: \"{Shorten(text[value..])}\"");

        var key = text[here.Content..here.Colon];
        var keyColumns = new SortedSet<int>();
        KeyLine? above = null;
        var aboveLine = 0;
        for (var previous = 1; previous < line; previous++)
        {
            if (Parse(Line(lines, previous)) is not { Colon: >= 0 } earlier)
                continue;
            keyColumns.Add(earlier.Content + 1);
            above = earlier;
            aboveLine = previous;
        }

        if (above is { } parent && here.Indent > parent.Content && parent.HasValue)
        {
            var parentKey = Line(lines, aboveLine)[parent.Content..parent.Colon];
            return (line, here.Indent + 1, $"bad indentation: '{key}' is indented more than '{parentKey}' on line {aboveLine + lineOffset}, which already has its value; line '{key}' up with the key it belongs with");
        }

        if (keyColumns.Contains(here.Indent + 1) || (keyColumns.Count == 0 && here.Indent == 0))
            return null; // lined up with a key after all: not an indentation mistake this can name
        return (line, here.Indent + 1, keyColumns.Count == 0
            ? $"bad indentation: '{key}' is indented, but there is no key above it to belong to; start it at column 1"
            : $"bad indentation: '{key}' starts at column {here.Indent + 1}, where no key above it starts (they start at column {string.Join(" or ", keyColumns)}); line it up with the key it belongs with");
    }

    private static (int Line, int Column, string Message) MissingColon(string[] lines, int line, KeyLine key)
    {
        var text = Line(lines, line)[key.Content..].TrimEnd();
        var glued = text.IndexOf(':');
        if (glued > 0 && glued + 1 < text.Length)
            return (line, key.Content + glued + 1, $"put a space after the ':'; write '{text[..glued]}: {Shorten(text[(glued + 1)..])}'");
        var space = text.IndexOf(' ');
        return space > 0
            ? (line, key.Content + 1, $"missing ':' after '{text[..space]}'; write '{text[..space]}: {Shorten(text[(space + 1)..].TrimStart())}'")
            : (line, key.Content + 1, $"missing ':' after '{Shorten(text)}'; write '{Shorten(text)}: …'");
    }

    private static (int Line, int Column, string Message) Duplicate(string[] lines, int line, int column, string key, Func<int, int, string> at)
    {
        for (var previous = 1; previous < line; previous++)
        {
            var text = Line(lines, previous);
            if (text.Length >= column && Parse(text) is { Colon: >= 0 } earlier && earlier.Content == column - 1
                && text[earlier.Content..earlier.Colon].Trim('"', '\'') == key)
                return (line, column, $"'{key}' is set twice (first at {at(previous, column)}); each key may appear once, so remove one of them");
        }

        return (line, column, $"'{key}' is set twice; each key may appear once, so remove one of them");
    }

    private static (int Line, int Column, string Message) Alias(string text, string[] lines, string message)
    {
        var quoted = message.IndexOf('\'');
        var name = quoted >= 0 && message.IndexOf('\'', quoted + 1) is var end and > 0 ? message[(quoted + 1)..end] : "";
        for (var line = 1; line <= lines.Length && name.Length > 0; line++)
        {
            var index = Line(lines, line).IndexOf("*" + name, StringComparison.Ordinal);
            if (index >= 0)
                return (line, index + 1, $"'*{name}' refers to no anchor '&{name}' above it; a value that starts with '*' must be in quotes");
        }

        return (1, 1, $"'*{name}' refers to no anchor '&{name}'; a value that starts with '*' must be in quotes");
    }

    /// The first tab in the leading whitespace of a line in [from, to].
    private static (int Line, int Column)? TabIndent(string[] lines, int from, int to)
    {
        for (var line = Math.Max(1, from); line <= Math.Min(to, lines.Length); line++)
        {
            var text = Line(lines, line);
            var first = 0;
            while (first < text.Length && text[first] is ' ' or '\t')
                first++;
            var tab = text.IndexOf('\t', 0, first);
            if (tab >= 0 && first < text.Length)
                return (line, tab + 1);
        }

        return null;
    }

    private static (int Line, int Column)? FirstLineStartingWithTab(string[] lines)
    {
        var line = Array.FindIndex(lines, l => l.StartsWith('\t'));
        return line < 0 ? null : (line + 1, 1);
    }

    private static string Line(string[] lines, int line) => line >= 1 && line <= lines.Length ? lines[line - 1] : "";

    private static char? CharAt(string[] lines, int line, int column) =>
        Line(lines, line) is var text && column >= 1 && column <= text.Length ? text[column - 1] : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
