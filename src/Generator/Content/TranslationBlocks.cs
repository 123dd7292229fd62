using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Generator.Content;

/// Splits a page into the blocks a translator translates, in reading order: the front
/// matter's text fields first, then the body's headings, paragraphs, list items, table rows,
/// figures, code and HTML blocks. Only the structure matters here, so the pipeline has just
/// the extensions that change what a block is (tables, footnotes, attribute lists).
public static partial class TranslationBlocks
{
    private static readonly MarkdownPipeline Structure = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseFootnotes()
        .UseGenericAttributes()
        .Build();

    public static IReadOnlyList<TranslationBlock> Of(FrontMatter matter, string markdownFile)
    {
        var text = markdownFile.Replace("\r\n", "\n");
        var blocks = new List<TranslationBlock>();
        var fieldLines = FieldLines(text);
        void Field(string kind, string? value, int line)
        {
            if (!string.IsNullOrWhiteSpace(value))
                blocks.Add(Make(kind, value, line));
        }

        Field("title", matter.Title, fieldLines.GetValueOrDefault("title", 1));
        Field("summary", matter.Summary, fieldLines.GetValueOrDefault("summary", 1));
        Field("series", matter.Series, fieldLines.GetValueOrDefault("series", 1));
        for (var i = 0; i < matter.Images.Length; i++)
        {
            var image = matter.Images[i];
            var line = image.At.Line > 0 ? image.At.Line : fieldLines.GetValueOrDefault("images", 1);
            Field($"images[{i}].alt", image.Alt, line);
            Field($"images[{i}].caption", image.Caption, line);
            Field($"images[{i}].credit", image.Credit, line);
        }

        var document = Markdig.Markdown.Parse(text, Structure);
        Walk(document, text, blocks);
        return blocks;
    }

    /// The fingerprint of one block: kind and text, so moving a paragraph into a list counts
    /// as a change.
    public static string HashOf(string kind, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + text)))[..16];

    private static TranslationBlock Make(string kind, string text, int line, int start = -1, int length = 0)
    {
        var collapsed = Spaces().Replace(text, " ").Trim();
        return new TranslationBlock(kind, collapsed, line, HashOf(kind, collapsed), start, length);
    }

    /// A body block: its text is the part of the file from start, length characters long.
    private static TranslationBlock Body(string kind, string text, int start, int end, int line)
    {
        // Trim the region to the text itself, so an import replaces only the words.
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return Make(kind, text[start..end], line, start, end - start);
    }

    private static void Walk(ContainerBlock container, string text, List<TranslationBlock> blocks)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case Markdig.Extensions.Yaml.YamlFrontMatterBlock:
                case LinkReferenceDefinitionGroup:
                case ThematicBreakBlock:
                case BlankLineBlock:
                    break;
                case HeadingBlock heading when Valid(text, heading):
                    // The first line (a setext heading's text), less the '#' marks; Markdig's
                    // span already stops before a trailing {#id}.
                    var start = heading.Span.Start;
                    var lineEnd = text.IndexOf('\n', start);
                    var end = Math.Min(heading.Span.End + 1, lineEnd < 0 ? text.Length : lineEnd);
                    while (start < end && text[start] == '#')
                        start++;
                    while (end > start && (text[end - 1] == '#' || text[end - 1] == ' ') && text[start..end].TrimEnd('#', ' ').Length > 0)
                        end--;
                    blocks.Add(Body($"h{heading.Level}", text, start, end, heading.Line + 1));
                    break;
                case ParagraphBlock paragraph when Valid(text, paragraph):
                    blocks.Add(Body(IsFigure(paragraph) ? "figure" : container is ListItemBlock ? "li" : "p", text, paragraph.Span.Start, paragraph.Span.End + 1, paragraph.Line + 1));
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>().Where(r => Valid(text, r)))
                        blocks.Add(Body("tr", text, row.Span.Start, row.Span.End + 1, row.Line + 1));
                    break;
                case CodeBlock code:
                    blocks.Add(Make("code", Source(text, code), code.Line + 1));
                    break;
                case HtmlBlock html:
                    blocks.Add(Make("html", Source(text, html), html.Line + 1));
                    break;
                case ContainerBlock inner:
                    Walk(inner, text, blocks); // lists and their items, quotes, footnotes
                    break;
                case LeafBlock leaf when Valid(text, leaf):
                    blocks.Add(Body("p", text, leaf.Span.Start, leaf.Span.End + 1, leaf.Line + 1));
                    break;
            }
        }
    }

    /// A paragraph that holds only an image with a title: the site renders it as a figure.
    private static bool IsFigure(ParagraphBlock paragraph) =>
        paragraph.Inline?.FirstChild is LinkInline { IsImage: true, Title.Length: > 0 };

    private static bool Valid(string text, Block block) =>
        block.Span.Start >= 0 && block.Span.End < text.Length && block.Span.End >= block.Span.Start;

    private static string Source(string text, Block block) =>
        block.Span.Start < 0 || block.Span.End >= text.Length + 1 || block.Span.End < block.Span.Start
            ? ""
            : text[block.Span.Start..Math.Min(text.Length, block.Span.End + 1)];

    /// The line of each top-level key of the front matter.
    private static Dictionary<string, int> FieldLines(string text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!FrontMatterReader.TrySplit(text, out var yaml))
            return lines;
        var number = 2;
        foreach (var line in yaml.Split('\n'))
        {
            if (TopKey().Match(line) is { Success: true } key)
                lines.TryAdd(key.Groups[1].Value, number);
            number++;
        }

        return lines;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*:")]
    private static partial Regex TopKey();
}
