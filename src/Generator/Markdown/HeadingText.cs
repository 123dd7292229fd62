using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

internal static class HeadingText
{
    /// The heading's plain text (emphasis, code and link text kept, markup dropped).
    public static string Of(HeadingBlock heading) => heading.Inline is { } inline ? Of(inline) : "";

    /// The plain text of an inline and what it contains.
    public static string Of(Inline inline) =>
        string.Concat((inline is ContainerInline container ? container.Descendants<Inline>().Prepend(inline) : [inline]).Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }));
}
