using Generator.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Generator.Site;

/// Loads YAML with YamlDotNet's representation model, which keeps every node's position.
/// Positions are 1-based and relative to the YAML text, so callers pass the line where
/// that text starts in its file (front matter starts on line 2).
public sealed partial class YamlText(string path, int firstLine = 1)
{
    public string Path { get; } = path;

    public SourcePosition At(YamlNode node) => At(node.Start);

    public SourcePosition At(Mark mark) => new(Path, (int)mark.Line + firstLine - 1, (int)mark.Column);

    public SourcePosition Start => new(Path, firstLine, 1);

    /// Lists and sets of keys nested deeper than this are refused before they are built:
    /// no front matter or settings file needs more than a few levels, and the tree builder
    /// recurses once per level (issue 13, A.2).
    public const int DepthLimit = 64;

    /// The root node, null for an empty document, or a diagnostic for malformed YAML.
    /// Every YAML file of the site and theme is read here.
    public YamlNode? Load(string text, ICollection<Diagnostic> diagnostics)
    {
        text = WithoutRawUnprintable(text, diagnostics);
        try
        {
            var stream = new YamlStream();
            stream.Load(new DepthLimitedParser(new Parser(new StringReader(text)), DepthLimit));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            if (root is not null)
                CleanEscapedUnprintable(root, text, diagnostics);
            return root;
        }
        catch (DepthLimitedParser.TooDeepException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NestingTooDeep, Severity.Error, At(e.Start),
                $"lists or keys are nested more than {DepthLimit} levels deep here; flatten them"));
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(Mistake(text, e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some malformed input, with no position
            // (found by the fuzz tests, and for an unclosed '[' followed by more keys).
            diagnostics.Add(Mistake(text, null));
            return null;
        }
    }

    private Diagnostic Mistake(string text, YamlException? error)
    {
        var (line, column, message) = YamlMistakes.Explain(text, error, firstLine - 1);
        return new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, new SourcePosition(Path, Math.Max(1, line) + firstLine - 1, Math.Max(1, column)), message);
    }

    public static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// What a node is, for a message that says what was written instead: "list", "set of keys".
    public static string Shape(YamlNode node) => node switch
    {
        YamlMappingNode => "set of keys",
        YamlSequenceNode => "list",
        _ => "value",
    };

    /// What was written, for a message: the text in quotes, or "a list", "a set of keys".
    public static string Written(YamlNode node) => Scalar(node) is { } text ? $"\"{text}\"" : $"a {Shape(node)}";

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");
}
