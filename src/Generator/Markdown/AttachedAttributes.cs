using Markdig;
using Markdig.Extensions.GenericAttributes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Markdown;

/// Markdig's generic attributes, taken only where they attach to something: right after a
/// link or image (<c>![alt](src "Caption"){credit="UNDP"}</c>), or closing a heading or
/// paragraph after its text. Markdig takes a "{…}" anywhere and moves it to the paragraph,
/// so "The set {a=1} is small." lost "{a=1}" and "x_{i=1}" lost "{i=1}" (issue 13);
/// anywhere else it now stays text, and the place is recorded for a warning.
internal sealed class AttachedAttributes : IMarkdownExtension
{
    private static readonly object ShownAsTextKey = new();

    /// The 0-based line and column and the text of each attribute list left as text, counted
    /// in <paramref name="markdown"/> from where the parser found it (Markdig's own line is
    /// late inside a setext heading, see <see cref="SetextLines"/>).
    public static IReadOnlyList<(int Line, int Column, string Text)> ShownAsText(MarkdownDocument document, string markdown) =>
        [.. (document.GetData(ShownAsTextKey) as List<(int, string)> ?? []).Select(found =>
        {
            var before = markdown.AsSpan(0, Math.Clamp(found.Item1, 0, markdown.Length));
            return (before.Count('\n'), before.Length - (before.LastIndexOf('\n') + 1), found.Item2);
        })];

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.InlineParsers.Find<GenericAttributesParser>() is not { } markdig)
            throw new InvalidOperationException("UseGenericAttributes() must come before AttachedAttributes");
        pipeline.InlineParsers.Replace<GenericAttributesParser>(new Parser(markdig));
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class Parser : InlineParser
    {
        private readonly GenericAttributesParser markdig;

        public Parser(GenericAttributesParser markdig)
        {
            this.markdig = markdig;
            OpeningCharacters = ['{'];
        }

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            var rest = slice;
            if (!GenericAttributesParser.TryParse(ref rest, out _))
                return false;
            if (Attaches(processor.Inline, rest))
                return markdig.Match(processor, ref slice);

            var at = processor.GetSourcePosition(slice.Start, out _, out _);
            if (processor.Document.GetData(ShownAsTextKey) is not List<(int, string)> shown)
                processor.Document.SetData(ShownAsTextKey, shown = []);
            shown.Add((at, slice.Text[slice.Start..rest.Start]));
            return false;
        }

        /// Right after a link or image, or after text (not after "_" or "*", as in x_{i=1})
        /// with nothing but spaces left in the block.
        private static bool Attaches(Inline? previous, StringSlice rest)
        {
            if (previous is LinkInline { IsClosed: true })
                return true;
            if (previous is not (null or LiteralInline))
                return false;
            for (var i = rest.Start; i <= rest.End; i++)
            {
                if (!char.IsWhiteSpace(rest.Text[i]))
                    return false;
            }

            return true;
        }
    }
}
