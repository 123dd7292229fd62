namespace Generator.Cli;

/// How `build` and `check` print their diagnostics, and whether a warning fails them.
public sealed record ReportOptions(string Format, bool WarningsAsErrors);
