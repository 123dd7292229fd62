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
        foreach (var token in parsed.UnmatchedTokens)
            Console.Error.WriteLine($"error {DiagnosticCodes.Usage}: unknown command, option or argument '{token}'{Suggestions.DidYouMean(token, Choices(parsed))}");
        foreach (var error in parsed.Errors.Where(e => !parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
            Console.Error.WriteLine($"error {DiagnosticCodes.Usage}: {error.Message.Replace("as expected type 'System.Int32'", "as a whole number", StringComparison.Ordinal)}");
        Console.Error.WriteLine($"run '{CommandName(parsed)} --help' for the commands and options");
        return ExitCodes.Usage;
    }

    Faults.InjectIfAsked();
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error {e.Code}: {e.Message}");
    return ExitCodes.Usage;
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

// What could have been meant at the point the command line went wrong.
static IEnumerable<string> Choices(ParseResult parsed) =>
    parsed.CommandResult.Command.Subcommands.Select(c => c.Name)
        .Concat(parsed.CommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)));
