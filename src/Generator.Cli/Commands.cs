using System.Text.Json.Nodes;
using Generator.Engine;

namespace Generator.Cli;

/// The verbs' work, kept out of Program.cs so it reads as the command-line surface.
public static partial class Commands
{
    public static async Task<int> BuildAsync(BuildSettings settings, string format, bool timings = false)
    {
        try
        {
            return await BuildInAsync(settings, format, timings);
        }
        finally
        {
            Usage.RemoveTemporaryCache(settings);
        }
    }

    private static async Task<int> BuildInAsync(BuildSettings settings, string format, bool timings)
    {
        var site = new SiteBuild(settings);
        var result = await site.RunAsync();
        var code = result.Bugs.Count > 0 ? ExitCodes.Bug : result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
        if (format == "json")
        {
            var json = DiagnosticPrinter.JsonReport(result.Diagnostics, code);
            json["written"] = settings.OutputFolder is not null && result.Succeeded;
            if (timings)
            {
                json["timings"] = new JsonArray([.. result.Timings.Select(t => new JsonObject
                {
                    ["pipeline"] = t.Pipeline, ["phase"] = t.Phase.ToString(), ["module"] = t.Module, ["ms"] = Math.Round(t.Elapsed.TotalMilliseconds, 1),
                })]);
            }

            Console.WriteLine(json.ToJsonString(DiagnosticPrinter.Json));
        }
        else
        {
            new DiagnosticPrinter(Console.Out, format, color: UseColor()).PrintAll(result.Diagnostics);
            if (timings)
                PrintTimings(result.Timings, result.Results is null ? null : result.Rerun);
            if (site.LastPdfs is { } pdfs && pdfs.Printed + pdfs.Reused > 0)
            {
                var (topics, editions) = (pdfs.Printed + pdfs.Reused, pdfs.EditionsPrinted + pdfs.EditionsReused);
                Console.WriteLine($"{Count(topics + editions, "PDF")} ({Count(topics, "topic")}, {Count(editions, "edition")}): "
                    + $"{pdfs.Printed + pdfs.EditionsPrinted} printed by Chromium, {pdfs.Reused + pdfs.EditionsReused} from the cache");
            }
            if (site.LastSearch is { Indexed: var indexed, Reused: var reused } && indexed + reused > 0)
                Console.WriteLine($"search: {Count(indexed + reused, "bundle")}, {indexed} indexed by Pagefind, {reused} from the cache");
            if (result.Written is { } files && result.Succeeded && !settings.TemporaryCache)
            {
                // The photos' derivatives, the search index and the PDFs have lines of their own.
                Console.WriteLine(files.OtherFileSystem
                    ? $"files: {files.Direct} written, not counting photos, search and PDFs; none linked from the cache, which is on another file system than the output"
                    : $"files: {files.Reused} unchanged, linked from the cache; {files.Added + files.Direct} written (not counting photos, search and PDFs)");
            }
            Console.WriteLine(Summary(result, settings) + (result.WarningsAsErrors && result.ErrorCount == 0 && !result.Succeeded ? " (--warnings-as-errors: the warnings fail it)" : ""));
        }

        if (result.Bugs.Count > 0)
            Console.Error.WriteLine(CrashReport.Write(result.Bugs, Environment.GetCommandLineArgs()[1..]));
        return code;
    }

    /// The slowest modules first, as Hugo's --templateMetrics lists the slowest templates.
    /// With the cache's results, how many documents each step ran for ("all": a step over
    /// the whole list ran; "-": none, every result was reused).
    private static void PrintTimings(IReadOnlyList<ModuleTiming> timings, IReadOnlyList<ModuleRun>? rerun)
    {
        var ran = rerun?.GroupBy(r => (r.Pipeline, r.Phase, r.Module))
            .ToDictionary(g => g.Key, g => g.Any(r => r.Document is null) ? "all" : g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Console.WriteLine($"{"ms",8}  {"pipeline",-12} {"phase",-12} {"module",-26}" + (ran is null ? "" : " ran for"));
        foreach (var t in timings.OrderByDescending(t => t.Elapsed).ThenBy(t => t.Pipeline, StringComparer.Ordinal).ThenBy(t => t.Module, StringComparer.Ordinal))
        {
            var again = ran is null || t.Phase == Phase.Output || t.Pipeline.StartsWith('(') ? "" : " " + ran.GetValueOrDefault((t.Pipeline, t.Phase, t.Module), "-");
            Console.WriteLine($"{t.Elapsed.TotalMilliseconds,8:0}  {t.Pipeline,-12} {t.Phase,-12} {t.Module,-26}{again}".TrimEnd());
        }

        Console.WriteLine($"garbage collections: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2; " +
                          $"paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms; allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB");
    }

    private static string Summary(BuildResult result, BuildSettings settings)
    {
        var written = result.Outputs.Values.SelectMany(d => d).Where(d => d.Destination.Length > 0).ToList();
        var pages = written.Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var perLanguage = pages
            .Select(d => d.Get<string>(Keys.Url) is { } url && url.IndexOf('/', 1) is > 1 and var end ? url[1..end] : null)
            .Where(lang => lang is not null)
            .GroupBy(lang => lang!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        var verdict = settings.OutputFolder is null
            ? "checked, nothing written"
            : result.Succeeded ? $"written to {settings.OutputFolder}" : "nothing written; the previous output is unchanged";
        return $"{Count(pages.Count, "page")} ({string.Join(", ", perLanguage)}) and {Count(written.Count - pages.Count, "other file")}, " +
               $"{Count(result.ErrorCount, "error")}, {Count(result.WarningCount, "warning")}{(result.NoteCount > 0 ? $", {Count(result.NoteCount, "note")}" : "")} in {result.Elapsed.TotalSeconds:0.00} s: {verdict}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static bool UseColor() =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// `verify`: the built folder as its host will serve it; exit code 1 when anything is wrong.
    public static int Verify(string output, Uri baseUrl)
    {
        var problems = Validation.OutputVerifier.Check(output, baseUrl);
        var shown = DisplayPaths.Of(Directory.GetCurrentDirectory(), Path.GetFullPath(output));
        foreach (var problem in problems)
            Console.WriteLine(new Diagnostic(DiagnosticCodes.OutputCheck, Severity.Error, new SourcePosition($"{shown}/{problem.File}", 0, 0), problem.Message));
        Console.WriteLine(problems.Count == 0
            ? $"{shown} is ready to serve from {baseUrl}: every internal link resolves"
            : $"{Count(problems.Count, "problem")} in {shown}: not ready to serve from {baseUrl}");
        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}
