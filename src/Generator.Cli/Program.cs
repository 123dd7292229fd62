using System.CommandLine;
using Generator;
using Generator.Cli;
using Generator.Site;

// Exit codes: 0 success, 1 problems in the content, 2 a usage mistake, 70 a bug in the
// generator (EX_SOFTWARE), 130 interrupted. Nothing escapes as a stack trace.
try
{
    var parsed = CommandTree.Create().Parse(args);
    if (parsed.Errors.Count > 0)
    {
        // One line per distinct mistake: System.CommandLine may report one twice, or over lines.
        var mistakes = Unmatched(args, parsed.UnmatchedTokens)
            .Select(u => $"unknown command, option or argument '{u.Token}'" + (u.Value is { } value ? $" (with '{value}' after it)" : "")
                + Suggestions.DidYouMean(u.Token, Choices(parsed)))
            .Concat(parsed.Errors
                .Where(e => !parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
                .Select(e => string.Join(' ', e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Replace("as expected type 'System.Int32'", "as a whole number", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return UsageMistake(args, [.. mistakes.Select(m => (DiagnosticCodes.Usage, m))], $"run '{CommandName(parsed)} --help' for the commands and options");
    }

    Faults.InjectIfAsked();
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    return UsageMistake(args, [(e.Code, e.Message)], null);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("interrupted; the previous output is unchanged");
    return ExitCodes.Interrupted;
}
catch (Exception e)
{
    Console.Error.WriteLine(CrashReport.Write(e, args));
    return ExitCodes.Bug;
}

static string CommandName(ParseResult parsed)
{
    var names = new List<string>();
    for (var at = parsed.CommandResult; at.Parent is System.CommandLine.Parsing.CommandResult parent; at = parent)
        names.Insert(0, at.Command.Name);
    return string.Join(' ', [parsed.RootCommandResult.Command.Name, .. names]);
}

// The unmatched tokens, an unknown option with the word that follows it on the command line
// taken together (`preview --output site` is one mistake, not two).
static List<(string Token, string? Value)> Unmatched(string[] args, IReadOnlyList<string> tokens)
{
    var found = new List<(string Token, string? Value)>();
    for (var i = 0; i < tokens.Count; i++)
    {
        var token = tokens[i];
        var at = Array.IndexOf(args, token);
        if (token.StartsWith('-') && i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-')
            && at >= 0 && at + 1 < args.Length && args[at + 1] == tokens[i + 1])
        {
            found.Add((token, tokens[i + 1]));
            i++;
        }
        else
        {
            found.Add((token, null));
        }
    }

    return found;
}

// What could have been meant at the point the command line went wrong.
static IEnumerable<string> Choices(ParseResult parsed) =>
    parsed.CommandResult.Command.Subcommands.Select(c => c.Name)
        .Concat(parsed.CommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)));

// A usage mistake: one line each on standard error, or with --format json the JSON report
// on standard output, as every other outcome of that format.
static int UsageMistake(string[] args, IReadOnlyList<(string Code, string Message)> mistakes, string? hint)
{
    var wantsJson = args.Where((a, i) => a is "--format=json" or "--format:json" || a == "--format" && i + 1 < args.Length && args[i + 1] == "json").Any();
    if (wantsJson)
    {
        var diagnostics = mistakes.Select(m => new Generator.Engine.Diagnostic(m.Code, Generator.Engine.Severity.Error, null, m.Message)).ToList();
        Console.WriteLine(DiagnosticPrinter.JsonReport(diagnostics, ExitCodes.Usage).ToJsonString(DiagnosticPrinter.Json));
        return ExitCodes.Usage;
    }

    foreach (var (code, message) in mistakes)
        Console.Error.WriteLine(DiagnosticPrinter.Visible($"error {code}: {message}", keepLineBreaks: false));
    if (hint is not null)
        Console.Error.WriteLine(hint);
    return ExitCodes.Usage;
}
