using Generator.Content;
using Generator.Editing;
using Generator.Engine;
using Generator.Site;

namespace Generator.Cli;

public static partial class Commands
{
    /// `check --translations`: the table (or JSON) of every page by language. Exit code 0
    /// unless the site has errors; missing and stale translations are not errors.
    public static async Task<int> TranslationsAsync(BuildSettings settings, string format)
    {
        var build = new SiteBuild(settings);
        var result = await build.RunAsync();
        var report = TranslationReport.From(result.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [], build.Site);
        Console.Write(format == "json" ? report.ToJson() + Environment.NewLine : report.ToText());
        if (!result.Succeeded)
        {
            var printer = new DiagnosticPrinter(Console.Error, format == "github" ? "github" : "text", color: false);
            foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError))
                printer.Print(diagnostic);
        }

        return result.Succeeded ? 0 : 1;
    }

    /// `translations mark [files]`: writes translated_from into the translations.
    public static async Task<int> MarkAsync(BuildSettings settings, IReadOnlyCollection<string> files)
    {
        var result = await new SiteBuild(settings).RunAsync();
        var wanted = files.Select(f => f.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var changed = TranslationMarker.Mark(result, wanted);
        foreach (var path in changed)
            Console.WriteLine($"marked {path}");
        var unknown = wanted.Except(changed).ToList();
        foreach (var path in unknown)
            Console.WriteLine($"{path}: not marked (not a translation with an original, or already up to date)");
        if (changed.Count == 0 && unknown.Count == 0)
            Console.WriteLine("every translation is already marked as up to date");
        return 0;
    }

    /// `new topic`: prints the created paths, or why nothing was written (exit code 1).
    public static int NewTopic(string input, int edition, string slug, string? title)
    {
        var diagnostics = new List<Diagnostic>();
        var site = SiteConfigLoader.Load(Path.Combine(input, "site.yml"), DisplayPaths.Of(Directory.GetCurrentDirectory(), Path.Combine(Path.GetFullPath(input), "site.yml")), diagnostics);
        var (written, problems) = diagnostics.Any(d => d.IsError)
            ? ([], diagnostics)
            : TopicScaffold.Create(Path.GetFullPath(input), Directory.GetCurrentDirectory(), site, edition, slug, title, DateOnly.FromDateTime(DateTime.UtcNow));
        var printer = new DiagnosticPrinter(Console.Out, "text", color: UseColor());
        foreach (var problem in problems)
            printer.Print(problem);
        foreach (var path in written)
            Console.WriteLine(path);
        return problems.Any(p => p.IsError) ? 1 : 0;
    }
}
