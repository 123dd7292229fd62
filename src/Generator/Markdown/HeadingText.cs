using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

internal static partial class HeadingText
{
    /// True when the heading's line ends with an attribute list that sets its id
    /// (<c>## Background {#context}</c>): Markdig keeps no trace of who set an id.
    public static bool HasExplicitId(HeadingBlock heading, string markdown)
    {
        // The heading's first line: Markdig's span stops before a trailing attribute list.
        var start = heading.Span.Start;
        if (start < 0 || start >= markdown.Length)
            return false;
        var end = markdown.IndexOf('\n', start);
        return ExplicitId().IsMatch(markdown.AsSpan(start, (end < 0 ? markdown.Length : end) - start).TrimEnd('\r'));
    }

    [GeneratedRegex(@"\{[^{}]*#[^{}\s]+[^{}]*\}[\s#]*$")]
    private static partial Regex ExplicitId();

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
