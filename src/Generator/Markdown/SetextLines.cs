using Markdig.Syntax;

namespace Generator.Markdown;

/// Markdig gives a setext heading ("Title" over "===") the line of its underline, and the
/// inlines of the heading lines counted from there, so every position inside such a heading
/// was one line late per line of heading text, past the file's end for a heading at the end.
/// The heading's span starts where its text does: lines are counted again from there.
public static class SetextLines
{
    public static void Mend(MarkdownDocument document, string markdown)
    {
        foreach (var heading in document.Descendants<HeadingBlock>().Where(h => h.IsSetext))
        {
            var start = Math.Clamp(heading.Span.Start, 0, markdown.Length);
            var line = markdown.AsSpan(0, start).Count('\n');
            var late = heading.Line - line;
            if (late <= 0)
                continue;
            heading.Line = line;
            if (heading.Inline is null)
                continue;
            foreach (var inline in heading.Inline.Descendants())
                inline.Line -= late;
        }
    }
}
