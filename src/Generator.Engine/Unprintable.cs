using System.Globalization;
using System.Text;

namespace Generator.Engine;

/// Characters that have no business in published text and that XML cannot hold: C0 and C1
/// controls (tab, line feed and carriage return excepted), DEL, Unicode noncharacters
/// (U+FFFE, U+FDD0…) and unpaired surrogates. Word's soft line break (U+000B) is the common
/// one. Every check for them goes through here, so "unprintable" means one thing (issue 13).
public static class Unprintable
{
    /// The UTF-16 index of the first unprintable character at or after <paramref name="start"/>, or -1.
    public static int IndexOf(string text, int start = 0)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c < '\u007F' || c > '\u009F' && c < '\uD800')
                continue; // the fast path: almost all text
            if (Length(text, i) is var length && length > 0)
                return i;
            if (char.IsHighSurrogate(c))
                i++;
        }

        return -1;
    }

    public static bool Contains(string text) => IndexOf(text) >= 0;

    /// The text without its unprintable characters.
    public static string Strip(string text) => Replace(text, "");

    /// The text with each unprintable character replaced by <paramref name="replacement"/>.
    public static string Replace(string text, string replacement)
    {
        var first = IndexOf(text);
        if (first < 0)
            return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        for (var i = first; i < text.Length;)
        {
            var length = Length(text, i);
            if (length > 0)
            {
                clean.Append(replacement);
                i += length;
                continue;
            }

            var step = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            clean.Append(text, i, step);
            i += step;
        }

        return clean.ToString();
    }

    /// The text with each unprintable character written as \u001B, safe to print on a terminal.
    public static string Escape(string text)
    {
        if (IndexOf(text) < 0)
            return text;
        var shown = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length;)
        {
            var length = Length(text, i);
            if (length > 0)
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{CodePoint(text, i):X4}");
                i += length;
                continue;
            }

            shown.Append(text[i]);
            i++;
        }

        return shown.ToString();
    }

    /// "U+000B (a vertical tab, Word's soft line break)" for the character at <paramref name="index"/>.
    public static string Describe(string text, int index)
    {
        var code = CodePoint(text, index);
        var name = code switch
        {
            0 => "a null character",
            0x0B => "a vertical tab, Word's soft line break",
            0x0C => "a form feed",
            0x1B => "an escape character",
            0x7F => "a delete character",
            0x85 => "a next-line character",
            _ when code is >= 0xD800 and <= 0xDFFF => "half of a character (an unpaired surrogate)",
            _ when IsNoncharacter(code) => "a Unicode noncharacter",
            _ => "a control character",
        };
        return $"U+{code:X4} ({name})";
    }

    /// Line and column (1-based, columns in UTF-16 units like every other position) of <paramref name="index"/>.
    public static (int Line, int Column) Position(string text, int index, int firstLine = 1)
    {
        var line = firstLine;
        var lineStart = 0;
        for (var i = text.IndexOf('\n'); i >= 0 && i < index; i = text.IndexOf('\n', i + 1))
        {
            line++;
            lineStart = i + 1;
        }

        return (line, index - lineStart + 1);
    }

    /// How many UTF-16 units the unprintable character at <paramref name="i"/> takes; 0 when it is printable.
    private static int Length(string text, int i)
    {
        var c = text[i];
        if (c is '\t' or '\n' or '\r')
            return 0;
        if (c < ' ' || c is >= '\u007F' and <= '\u009F')
            return 1;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                return 1;
            return IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])) ? 2 : 0;
        }

        if (char.IsLowSurrogate(c))
            return 1;
        return IsNoncharacter(c) ? 1 : 0;
    }

    private static int CodePoint(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            ? char.ConvertToUtf32(text[i], text[i + 1])
            : text[i];

    private static bool IsNoncharacter(int code) => code is >= 0xFDD0 and <= 0xFDEF || (code & 0xFFFE) == 0xFFFE;
}
