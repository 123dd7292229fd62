using Generator.Engine;

namespace Generator.Cli;

/// Prints diagnostics compiler-style (coloured on a terminal) or as GitHub Actions
/// workflow commands, which show as annotations on a pull request's lines.
public sealed class DiagnosticPrinter(TextWriter writer, string format, bool color)
{
    public void Print(Diagnostic diagnostic)
    {
        if (format == "github")
        {
            writer.WriteLine(GitHub(diagnostic));
            return;
        }

        var text = diagnostic.ToString();
        if (color)
        {
            // Paint only the severity word: "path(1,2): error GEN012: ..." stays one plain line otherwise.
            var word = diagnostic.IsError ? "error" : "warning";
            var paint = diagnostic.IsError ? "\e[31m" : "\e[33m";
            var at = text.IndexOf($"{word} {diagnostic.Code}", StringComparison.Ordinal);
            text = text[..at] + paint + word + "\e[0m" + text[(at + word.Length)..];
        }

        writer.WriteLine(text);
    }

    public static string GitHub(Diagnostic diagnostic)
    {
        var command = diagnostic.IsError ? "error" : "warning";
        var properties = new List<string>();
        if (diagnostic.Position is { } at)
        {
            properties.Add($"file={Escape(at.Path, property: true)}");
            if (at.Line > 0)
            {
                properties.Add($"line={at.Line}");
                properties.Add($"col={at.Column}");
            }
        }

        properties.Add($"title={diagnostic.Code}");
        return $"::{command} {string.Join(',', properties)}::{Escape(diagnostic.Message, property: false)}";
    }

    /// Workflow commands escape %, CR and LF, and in properties also ':' and ','.
    private static string Escape(string value, bool property)
    {
        var escaped = value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? escaped.Replace(":", "%3A").Replace(",", "%2C") : escaped;
    }
}
