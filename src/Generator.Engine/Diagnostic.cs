namespace Generator.Engine;

/// A problem found during a build: data, printed by a formatter.
public sealed record Diagnostic(string Code, Severity Severity, SourcePosition? Position, string Message)
{
    public bool IsError => Severity == Severity.Error;

    public bool IsWarning => Severity == Severity.Warning;

    /// "error", "warning" or "note", as printed.
    public string SeverityWord => Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    /// Compiler style: <c>input/en/a.md(4,7): error GEN012: message</c>.
    public override string ToString()
    {
        var severity = SeverityWord;
        return Position is { } at
            ? $"{at}: {severity} {Code}: {Message}"
            : $"{severity} {Code}: {Message}";
    }
}
