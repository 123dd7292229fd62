namespace Generator.Tests.Cli;

// Issue 12: no stack trace from the command line, ever. A usage mistake is one line and exit
// code 2; a bug is one line naming the file with its details, and exit code 70.
public sealed class ExitCodeTests
{
    public static readonly TheoryData<CliCase> Cases = CliCase.Table(
        new([], ["buidl"], 2, """
            error GEN042: unknown command, option or argument 'buidl'; did you mean 'build'?
            --help
            """),
        new([], ["check", "--fromat", "json"], 2, "error GEN042: unknown command, option or argument '--fromat' (with 'json' after it); did you mean '--format'?"),
        new([], ["preview", "--output", "site"], 2, """
            error GEN042: unknown command, option or argument '--output' (with 'site' after it)
            run 'Generator.Cli preview --help' for the commands and options
            """)
        {
            Then = (_, outcome) => Assert.Single(outcome.Stderr.Split('\n'), line => line.Contains("GEN042", StringComparison.Ordinal)),
        },
        new([], ["new", "topic", "--edition", "2023"], 2, "error GEN042: Option '--slug' is required."),
        new([], ["--help"], 0, """
            build
            check
            preview
            verify
            """),
        new([], ["build", "--help"], 0, "a missing trailing slash is added"),
        new([], ["--version"], 0, ""),
        new([], ["check"], 70, "error GEN002: a bug in the generator stopped it (InvalidOperationException: fault injected by GENERATOR_INJECT_FAULT=1); the details are in ")
        {
            Environment = new Dictionary<string, string> { ["GENERATOR_INJECT_FAULT"] = "1" },
            Then = (_, outcome) =>
            {
                var file = outcome.Stderr.Split("the details are in ")[1].Split(": please report")[0];
                TestSite.AssertText(File.ReadAllText(file), """
                    arguments: check
                    System.InvalidOperationException: fault injected
                       at 
                    """, "the bug report");
                File.Delete(file);
            },
        });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exit_code(CliCase row) => row.Run();
}
