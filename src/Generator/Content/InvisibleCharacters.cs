using System.Globalization;
using System.Net;
using System.Text;

namespace Generator.Content;

/// Characters that change how text reads without being seen: the bidirectional controls
/// (which can make a line display in another order than it is stored, the "Trojan Source"
/// trick) and the zero-width ones (a zero-width space inside a term hides it from a search
/// and from the glossary). Where a translator or reviewer reads content (check's output,
/// preview's side-by-side view) each one is shown by its code point, <c>&lt;U+200B&gt;</c>,
/// so what is compared is what is seen.
public static class InvisibleCharacters
{
    public static bool IsInvisible(char c) => c is '\u061C' or '\u00AD' or '\u180E' or '\uFEFF'
        or >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2064' or >= '\u2066' and <= '\u2069';

    public static bool Contains(string text)
    {
        foreach (var c in text)
        {
            if (IsInvisible(c))
                return true;
        }

        return false;
    }

    /// The text with each invisible character written as &lt;U+200B&gt;.
    public static string Mark(string text) => Contains(text) ? Replace(text, c => $"<U+{(int)c:X4}>", s => s) : text;

    /// The text HTML-encoded, each invisible character a visible marked span naming it.
    public static string MarkHtml(string text) => Replace(text,
        c => $"<span class=\"invisible\" title=\"{Name(c)}\">U+{(int)c:X4}</span>", WebUtility.HtmlEncode);

    private static string Replace(string text, Func<char, string> mark, Func<string, string> plain)
    {
        var shown = new StringBuilder(text.Length);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsInvisible(text[i]))
                continue;
            shown.Append(plain(text[start..i])).Append(mark(text[i]));
            start = i + 1;
        }

        return shown.Append(plain(text[start..])).ToString();
    }

    private static string Name(char c) => c switch
    {
        '\u200B' => "zero width space",
        '\u200C' => "zero width non-joiner",
        '\u200D' => "zero width joiner",
        '\u2060' => "word joiner",
        '\uFEFF' => "zero width no-break space (byte order mark)",
        '\u00AD' => "soft hyphen",
        '\u200E' or '\u200F' or '\u061C' => "bidirectional mark",
        >= '\u202A' and <= '\u202E' => "bidirectional embedding or override",
        >= '\u2066' and <= '\u2069' => "bidirectional isolate",
        _ => "invisible character " + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };
}
