using Generator.Engine;

namespace Generator.Cli;

/// The verbs' work, kept out of Program.cs so it reads as the command-line surface.
public static class Commands
{
    public static async Task<int> BuildAsync(BuildSettings settings, string format)
    {
        var result = await new SiteBuild(settings).RunAsync();
        var printer = new DiagnosticPrinter(Console.Out, format, color: UseColor());
        foreach (var diagnostic in result.Diagnostics)
            printer.Print(diagnostic);
        foreach (var bug in result.Bugs)
            Console.Error.WriteLine($"internal error (a bug in the generator, please report it):{Environment.NewLine}{bug}");

        Console.WriteLine(Summary(result, settings));
        return result.Succeeded ? 0 : 1;
    }

    private static string Summary(BuildResult result, BuildSettings settings)
    {
        var pages = result.Outputs.Values.SelectMany(d => d)
            .Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal) && d.Get<string>(Keys.Lang) is not null)
            .GroupBy(d => d.Get<string>(Keys.Lang)!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        var files = result.Outputs.Values.SelectMany(d => d).Count(d => d.Destination.Length > 0);
        var verdict = settings.OutputFolder is null
            ? "checked"
            : result.Succeeded ? $"written to {settings.OutputFolder}" : "nothing written; the previous output is unchanged";
        return $"{files} files (pages: {string.Join(", ", pages)}), {Count(result.ErrorCount, "error")}, " +
               $"{Count(result.WarningCount, "warning")} in {result.Elapsed.TotalSeconds:0.00} s: {verdict}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static bool UseColor() =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
