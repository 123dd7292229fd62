namespace Generator.Content;

/// One unit a translator translates: a front-matter text field (kind "title", "summary",
/// "series", "images[0].caption", ...) or a block of the body ("h2", "p", "li", "tr",
/// "figure", "code", "html"), with its Markdown source text (white space collapsed), its
/// 1-based line in the file and a short hash of kind and text. A body block read from a
/// file also has the place of that text in the file (<paramref name="Start"/> and
/// <paramref name="Length"/>, in the file with \n line endings), where an import puts the
/// translated text.
public sealed record TranslationBlock(string Kind, string Text, int Line, string Hash, int Start = -1, int Length = 0)
{
    /// Code and HTML blocks are carried over as they are, not translated.
    public bool IsTranslatable => Kind is not ("code" or "html");

    public bool IsField => !IsBody(Kind);

    public bool IsHeading => Kind.Length == 2 && Kind[0] == 'h' && char.IsAsciiDigit(Kind[1]);

    /// What the kind is called in a message: "paragraph", "heading", "list item", ...
    public string Name => Kind switch
    {
        "p" => "paragraph",
        "li" => "list item",
        "tr" => "table row",
        "figure" => "figure",
        "code" => "code block",
        "html" => "HTML block",
        _ when IsHeading => "heading",
        _ => $"'{Kind}'",
    };

    public static bool IsBody(string kind) =>
        kind is "p" or "li" or "tr" or "figure" or "code" or "html" || (kind.Length == 2 && kind[0] == 'h' && char.IsAsciiDigit(kind[1]));
}
