using System.Text.RegularExpressions;

namespace Generator.Content;

/// Splits a block's Markdown into the words a translator translates and the inline syntax
/// they must not touch: code spans, link and image targets, emphasis marks, attribute
/// lists, raw HTML tags, autolinks, backslash escapes and table pipes. An XLIFF export
/// turns each piece of syntax into an inline code, so a translation tool moves it as a
/// whole and cannot break a link target (issue 17).
public static partial class InlineCodes
{
    /// One piece of the text: words (<paramref name="IsCode"/> false) or syntax.
    public readonly record struct Piece(string Text, bool IsCode);

    public static IReadOnlyList<Piece> Split(string markdown)
    {
        var pieces = new List<Piece>();
        var at = 0;
        foreach (Match code in Syntax().Matches(markdown))
        {
            if (code.Index > at)
                pieces.Add(new Piece(markdown[at..code.Index], false));
            pieces.Add(new Piece(code.Value, true));
            at = code.Index + code.Length;
        }

        if (at < markdown.Length)
            pieces.Add(new Piece(markdown[at..], false));
        return pieces;
    }

    // Order matters: whole constructs (code spans, autolinks, tags, targets) before the
    // single marks that could occur inside them.
    [GeneratedRegex("""
        (`+)[^`]*?\1
        |<(?:https?://|mailto:)[^>\s]*>
        |</?[A-Za-z][^<>]*>
        |\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+["']|\))
        |["']\)
        |\]\[[^\]]*\]
        |\]\)?
        |!?\[
        |\{[^{}\n]*\}
        |\\[\\`*_{}\[\]()#+\-.!|<>~"']
        |\*+|~~
        |(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])
        |\s*\|\s*
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Syntax();
}
