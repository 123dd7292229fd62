using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Generator.Engine;

namespace Generator.Cli;

/// Prints diagnostics compiler-style (coloured on a terminal), as GitHub Actions workflow
/// commands (annotations on a pull request's lines) or as one JSON document. Text and github
/// show the first <see cref="ShownPerCode"/> of each code and count the rest, so 50,000
/// broken links stay readable; JSON always has all of them.
public sealed class DiagnosticPrinter(TextWriter writer, string format, bool color)
{
    public const int ShownPerCode = 20;

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// Prints every diagnostic, in order, capped per code (text and github formats).
    public void PrintAll(IReadOnlyList<Diagnostic> diagnostics)
    {
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var count = shown[diagnostic.Code] = shown.GetValueOrDefault(diagnostic.Code) + 1;
            if (count <= ShownPerCode)
                Print(diagnostic);
        }

        foreach (var group in diagnostics.GroupBy(d => d.Code).Where(g => g.Count() > ShownPerCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rest = group.Count() - ShownPerCode;
            var word = group.First().SeverityWord;
            var line = $"… and {rest:N0} more {group.Key} {word}{(rest == 1 ? "" : "s")} not shown; --format json lists every diagnostic";
            writer.WriteLine(format == "github" ? $"::{Command(group.First())} title={group.Key}::{Escape(line, property: false)}" : line);
        }
    }

    public void Print(Diagnostic diagnostic)
    {
        if (format == "github")
        {
            writer.WriteLine(GitHub(diagnostic));
            return;
        }

        var text = Visible(diagnostic.ToString(), keepLineBreaks: false);
        if (color)
        {
            // Paint only the severity word: "path(1,2): error GEN012: ..." stays one plain line otherwise.
            var word = diagnostic.SeverityWord;
            var paint = diagnostic.Severity switch { Severity.Error => "\e[31m", Severity.Warning => "\e[33m", _ => "\e[36m" };
            var at = text.IndexOf($"{word} {diagnostic.Code}", StringComparison.Ordinal);
            text = text[..at] + paint + word + "\e[0m" + text[(at + word.Length)..];
        }

        writer.WriteLine(text);
    }

    /// The JSON document of `--format json`: every diagnostic, the counts and the exit code.
    public static JsonObject JsonReport(IReadOnlyList<Diagnostic> diagnostics, int exitCode) => new()
    {
        ["diagnostics"] = new JsonArray([.. diagnostics.Select(ToJson)]),
        ["errors"] = diagnostics.Count(d => d.IsError),
        ["warnings"] = diagnostics.Count(d => d.IsWarning),
        ["notes"] = diagnostics.Count(d => d.Severity == Severity.Note),
        ["exitCode"] = exitCode,
    };

    /// One diagnostic as a JSON object: file, line and column are null when unknown.
    public static JsonObject ToJson(Diagnostic diagnostic) => new()
    {
        ["file"] = diagnostic.Position?.Path,
        ["line"] = diagnostic.Position is { Line: > 0 } at ? at.Line : null,
        ["column"] = diagnostic.Position is { Line: > 0 } position ? position.Column : null,
        ["severity"] = diagnostic.SeverityWord,
        ["code"] = diagnostic.Code,
        ["message"] = diagnostic.Message,
    };

    public static string GitHub(Diagnostic diagnostic)
    {
        var command = Command(diagnostic);
        var properties = new List<string>();
        if (diagnostic.Position is { } at)
        {
            properties.Add($"file={Escape(Visible(at.Path, keepLineBreaks: true), property: true)}");
            if (at.Line > 0)
            {
                properties.Add($"line={at.Line}");
                properties.Add($"col={at.Column}");
            }
        }

        properties.Add($"title={diagnostic.Code}");
        return $"::{command} {string.Join(',', properties)}::{Escape(Visible(diagnostic.Message, keepLineBreaks: true), property: false)}";
    }

    /// Content reaches diagnostics (a key, a file name): its unprintable characters are
    /// shown as \uXXXX, so a pull request cannot send escape sequences to a terminal, and in
    /// text format line breaks too, so one diagnostic stays one line; bidirectional and
    /// zero-width characters are shown as &lt;U+200B&gt;, so a line reads as it is stored.
    public static string Visible(string text, bool keepLineBreaks)
    {
        var shown = Content.InvisibleCharacters.Mark(Unprintable.Escape(text));
        return keepLineBreaks ? shown : shown.Replace("\r", "\\u000D", StringComparison.Ordinal).Replace("\n", "\\u000A", StringComparison.Ordinal);
    }

    /// GitHub's workflow command for the severity: notes are notices.
    private static string Command(Diagnostic diagnostic) => diagnostic.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };

    /// Workflow commands escape %, CR and LF, and in properties also ':' and ','.
    private static string Escape(string value, bool property)
    {
        var escaped = value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? escaped.Replace(":", "%3A").Replace(",", "%2C") : escaped;
    }
}
