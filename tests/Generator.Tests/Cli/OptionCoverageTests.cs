using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using Generator.Cli;

namespace Generator.Tests.Cli;

// Issue 12: every command, option, argument and --format value of the executable has a row
// that starts the real process. An option added to CommandTree without one fails here.
public sealed class OptionCoverageTests
{
    [Fact]
    public void Every_command_option_and_value_has_a_process_level_case()
    {
        var covered = new[] { BuildOptionTests.Cases, CheckOptionTests.Cases, EditingOptionTests.Cases, PreviewOptionTests.Mistakes }
            .SelectMany(table => table.Cast<object[]>().Select(row => (CliCase)row[0]))
            .SelectMany(row => row.Covers)
            .Concat(PreviewOptionTests.Covers)
            .ToHashSet(StringComparer.Ordinal);

        var missing = Keys(CommandTree.Create(), "").Where(key => !covered.Contains(key)).ToList();

        Assert.True(missing.Count == 0, "no process-level test case covers:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_enumeration_sees_every_command()
    {
        var keys = Keys(CommandTree.Create(), "").ToList();

        Assert.Contains("build --base-url", keys);
        Assert.Contains("check --format github", keys);
        Assert.Contains("translations mark files", keys);
        Assert.Contains("new page --path", keys);
        Assert.Contains("preview --port", keys);
        Assert.Contains("--no-search", keys);
        Assert.DoesNotContain("build --help", keys);
    }

    /// "command" for each runnable command, "command --option" for each option (and
    /// "command --option value" for each value of an option that accepts only some),
    /// "command argument" for each argument; the root command's keys have no prefix.
    private static IEnumerable<string> Keys(Command command, string path)
    {
        if (path.Length > 0 && command.Action is not null)
            yield return path;
        foreach (var option in command.Options.Where(o => o is not HelpOption and not VersionOption))
        {
            var key = $"{path} {option.Name}".Trim();
            yield return key;
            foreach (var value in option.ValueType == typeof(bool) ? [] : option.GetCompletions(CompletionContext.Empty))
                yield return $"{key} {value.Label}";
        }

        foreach (var argument in command.Arguments)
            yield return $"{path} {argument.Name}".Trim();
        foreach (var sub in command.Subcommands)
        {
            foreach (var key in Keys(sub, $"{path} {sub.Name}".Trim()))
                yield return key;
        }
    }
}
