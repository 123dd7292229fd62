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

    /// What a piece of syntax does to the text around it, for checking that a translation
    /// keeps paired codes in order (an XLIFF import): it opens a span (<c>[</c>, <c>&lt;b&gt;</c>),
    /// closes one (<c>](target)</c>, <c>]</c>, <c>&lt;/b&gt;</c>), closes a link's text and opens
    /// its title (<c>](target "</c>), opens or closes by where it stands (emphasis marks), or
    /// stands alone (code spans, escapes, attribute lists, pipes, void tags).
    public enum Role
    {
        Alone,
        Open,
        Close,
        CloseThenOpen,
        Either,
    }

    /// The role of <paramref name="code"/> and the family it pairs within: a bracket pairs
    /// with a bracket, a tag with the tag of its name, an emphasis mark with the same mark.
    public static (Role Role, string Family) RoleOf(string code)
    {
        if (code.StartsWith('`') || code.StartsWith('\\') || code.StartsWith('{') || code.Contains('|') || code.StartsWith("<http", StringComparison.OrdinalIgnoreCase) || code.StartsWith("<mailto:", StringComparison.OrdinalIgnoreCase))
            return (Role.Alone, "");
        if (code.StartsWith('<'))
        {
            var name = TagName().Match(code).Groups[1].Value.ToLowerInvariant();
            if (code.EndsWith("/>", StringComparison.Ordinal) || VoidTags.Contains(name))
                return (Role.Alone, "");
            return (code.StartsWith("</", StringComparison.Ordinal) ? Role.Close : Role.Open, "tag:" + name);
        }

        if (code is "[" or "![")
            return (Role.Open, "[");
        if (code.StartsWith("](", StringComparison.Ordinal) && !code.EndsWith(')'))
            return (Role.CloseThenOpen, "[");
        if (code.StartsWith(']'))
            return (Role.Close, "[");
        if (code is "\")" or "')")
            return (Role.Close, "[");
        if (code.Trim('*').Length == 0 || code.Trim('_').Length == 0 || code == "~~")
            return (Role.Either, code);
        return (Role.Alone, "");
    }

    private static readonly HashSet<string> VoidTags = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

    [GeneratedRegex(@"^</?([A-Za-z][A-Za-z0-9-]*)")]
    private static partial Regex TagName();

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
