using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

internal static class HeadingText
{
    /// The heading's plain text (emphasis, code and link text kept, markup dropped).
    public static string Of(HeadingBlock heading) =>
        string.Concat(heading.Inline?.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }) ?? []);
}
