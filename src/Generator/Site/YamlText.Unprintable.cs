using System.Globalization;
using Generator.Engine;
using YamlDotNet.RepresentationModel;

namespace Generator.Site;

/// Unprintable characters in YAML (front matter, site.yml, taxonomy.yml): typed as they are
/// or written as escapes ("\v", "\x1b", "\uFFFE"). Each is an error at the character, and
/// is taken out of the value, so no feed, sitemap or page ever receives it (issue 13).
public sealed partial class YamlText
{
    private const int ShownPerText = 10;

    /// Reports the raw unprintable characters and returns the text with each replaced by a
    /// space, so the YAML reader neither fails on them nor moves any position.
    private string WithoutRawUnprintable(string text, ICollection<Diagnostic> diagnostics)
    {
        var first = Unprintable.IndexOf(text);
        if (first < 0)
            return text;
        var chars = text.ToCharArray();
        var found = 0;
        for (var i = first; i >= 0; i = Unprintable.IndexOf(text, i + 1))
        {
            if (++found <= ShownPerText)
            {
                var (line, column) = Unprintable.Position(text, i, firstLine);
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnprintableText, Severity.Error, new SourcePosition(Path, line, column),
                    $"contains {Unprintable.Describe(text, i)}; delete it (it is invisible in most editors) or type a space"));
            }

            chars[i] = ' ';
            if (char.IsHighSurrogate(text[i]) && i + 1 < chars.Length && char.IsLowSurrogate(text[i + 1]))
                chars[++i] = ' ';
        }

        if (found > ShownPerText)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnprintableText, Severity.Error, Start,
                $"contains {(found - ShownPerText).ToString(CultureInfo.InvariantCulture)} more unprintable characters after the ones listed"));
        }

        return new string(chars);
    }

    /// Values that hold an unprintable character through an escape sequence: reported at the
    /// escape, and the character is removed from the value.
    private void CleanEscapedUnprintable(YamlNode root, string text, ICollection<Diagnostic> diagnostics)
    {
        // Not YamlNode.AllNodes: it follows aliases (a self-referencing one never ends) and
        // recurses. Each node once, by reference, without recursion.
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node))
                continue;
            if (node is YamlMappingNode map)
            {
                foreach (var (key, child) in map.Children)
                {
                    pending.Push(child);
                    pending.Push(key);
                }

                continue;
            }

            if (node is YamlSequenceNode list)
            {
                foreach (var child in list.Children)
                    pending.Push(child);
                continue;
            }

            if (node is not YamlScalarNode { Value: { } value } scalar || !Unprintable.Contains(value))
                continue;
            var (line, column) = EscapeAt(text, scalar);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnprintableText, Severity.Error, new SourcePosition(Path, line, column),
                $"this value contains {Unprintable.Describe(value, Unprintable.IndexOf(value))}, written as an escape; remove the escape or write a space"));
            scalar.Value = Unprintable.Strip(value);
        }
    }

    /// The backslash of the first escape in the scalar's source that stands for an unprintable
    /// character; the scalar's start when none can be pinned down.
    private (int Line, int Column) EscapeAt(string text, YamlScalarNode scalar)
    {
        var start = (int)Math.Min(scalar.Start.Index, text.Length);
        var end = (int)Math.Min(Math.Max(scalar.End.Index, start), text.Length);
        for (var i = text.IndexOf('\\', start); i >= 0 && i + 1 < end; i = text.IndexOf('\\', i + 2))
        {
            var decoded = text[i + 1] switch
            {
                '0' => "\0",
                'a' => "\a",
                'b' => "\b",
                'v' => "\v",
                'f' => "\f",
                'e' => "\u001B",
                'N' => "\u0085",
                'x' => Hex(text, i + 2, 2),
                'u' => Hex(text, i + 2, 4),
                'U' => Hex(text, i + 2, 8),
                _ => "",
            };
            if (decoded.Length > 0 && Unprintable.Contains(decoded))
                return Unprintable.Position(text, i, firstLine);
        }

        var at = At(scalar);
        return (at.Line, at.Column);
    }

    private static string Hex(string text, int start, int digits)
    {
        if (start + digits > text.Length
            || !int.TryParse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            return "";
        if (code is >= 0xD800 and <= 0xDFFF)
            return ((char)code).ToString();
        return code is >= 0 and <= 0x10FFFF ? char.ConvertFromUtf32(code) : "";
    }
}
