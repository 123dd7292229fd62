using System.Text.RegularExpressions;
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

    /// The root node, null for an empty document, or a diagnostic for malformed YAML.
    public YamlNode? Load(string text, ICollection<Diagnostic> diagnostics)
    {
        text = WithoutRawUnprintable(text, diagnostics);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            if (root is not null)
                CleanEscapedUnprintable(root, text, diagnostics);
            return root;
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, At(e.Start), Explain(e)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (found by the
            // fuzz tests, e.g. a byte order mark inside a flow sequence); it gives no position.
            diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, Severity.Error, Start,
                "invalid YAML that the YAML reader cannot parse; check quotes, brackets and invisible characters such as a byte order mark"));
            return null;
        }
    }

    /// YamlDotNet's messages start with their own position; ours is already in front.
    private static string Explain(YamlException e)
    {
        var message = LeadingPosition().Replace(e.InnerException?.Message ?? e.Message, "").Trim();
        if (message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
            return $"{message}; each key may appear once";
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
            return $"invalid YAML: {message}; indent with spaces, not tabs";
        return $"invalid YAML: {message}";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex LeadingPosition();

    public static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");
}
