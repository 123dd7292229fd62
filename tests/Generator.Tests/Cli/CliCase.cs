namespace Generator.Tests.Cli;

/// One row of the command-line tables: what a user types, on <see cref="CliSites.Small"/>
/// (changed by <see cref="Given"/>), and what must follow. <see cref="Covers"/> names the
/// "command --option" keys the row tests; <see cref="OptionCoverageTests"/> fails for any
/// option of <c>CommandTree</c> that no row covers.
public sealed record CliCase(string[] Covers, string[] Arguments, int Exit, string Expect = "")
{
    public Action<TestSite>? Given { get; init; }

    public Action<TestSite, CliProcess.Outcome>? Then { get; init; }

    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    public override string ToString() => string.Join(' ', Arguments);

    /// Runs the row on a fresh copy of the small site and checks exit code, output and files.
    public void Run()
    {
        using var site = TestSite.Create(CliSites.Small);
        Given?.Invoke(site);
        var outcome = CliProcess.Run(site, Arguments, Environment);
        Assert.True(outcome.Code == Exit, $"'{this}': expected exit code {Exit}, got:\n{outcome}");
        // No stack trace, whatever happened.
        TestSite.AssertText(outcome.All, Expect + "\n! Unhandled exception\n!    at ", $"'{this}' output");
        Then?.Invoke(site, outcome);
    }

    public static TheoryData<CliCase> Table(params CliCase[] cases)
    {
        var data = new TheoryData<CliCase>();
        foreach (var row in cases)
            data.Add(row);
        return data;
    }
}
