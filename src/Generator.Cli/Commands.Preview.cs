using Generator.Preview;

namespace Generator.Cli;

public static partial class Commands
{
    /// `preview`: builds in memory, serves on the loopback interface, rebuilds what a saved
    /// change affects and reloads open tabs, until Ctrl+C.
    public static async Task<int> PreviewAsync(BuildSettings settings, int port, CancellationToken cancel)
    {
        var site = new PreviewSite(settings);
        var printer = new DiagnosticPrinter(Console.Out, "text", color: UseColor());
        // What the last build reported: a rebuild prints the problems that are new since, so a
        // save that makes a translation stale or a brace text is told like check tells it,
        // without the whole list again on every save.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        // Watching starts before the first build, so a save made while it runs is built next.
        // 15 ms of quiet is enough to coalesce an editor's save (temp file, rename,
        // attributes: microseconds apart) and leaves most of the 100 ms budget to the rebuild.
        using var watcher = new SourceWatcher([settings.InputFolder, settings.ThemeFolder], TimeSpan.FromMilliseconds(15), paths =>
        {
            try
            {
                var result = site.UpdateAsync(paths, cancel).GetAwaiter().GetResult();
                var now = result.Diagnostics.Select(d => d.ToString()).ToHashSet(StringComparer.Ordinal);
                foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError || !reported.Contains(d.ToString())))
                    printer.Print(diagnostic);
                var gone = reported.Count(d => !now.Contains(d));
                reported = now;
                var warnings = result.Diagnostics.Count(d => !d.IsError);
                var summary = (warnings > 0 ? $"; {warnings} warning(s)" : "") + (gone > 0 ? $"; {gone} problem(s) of the last build gone" : "");
                Console.WriteLine(!result.Succeeded ? $"rebuild failed with {result.ErrorCount} error(s); still serving the last good build"
                    : $"rebuilt in {result.Elapsed.TotalMilliseconds:0} ms: {site.LastRendered.Count} page(s) rendered again{summary}");
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
            catch (Exception bug)
            {
                // A bug in a rebuild must not take the server down with a stack trace: it is
                // written to a report, and the last good build is still served.
                Console.Error.WriteLine(CrashReport.Write(bug, Environment.GetCommandLineArgs()[1..]));
                Console.Error.WriteLine("still serving the last good build; save again to rebuild");
            }
        });
        var first = await site.RebuildAsync(cancel);
        foreach (var diagnostic in first.Diagnostics)
            printer.Print(diagnostic);
        reported = first.Diagnostics.Select(d => d.ToString()).ToHashSet(StringComparer.Ordinal);
        Console.WriteLine($"built {site.Files.Count} files in {first.Elapsed.TotalSeconds:0.00} s");

        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(site, port, cancel);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error {DiagnosticCodes.Usage}: cannot listen on 127.0.0.1:{port}: {e.Message.TrimEnd('.')}; choose another with --port, or --port 0 for any free port");
            return ExitCodes.Usage;
        }

        await using (server)
        {
            Console.WriteLine($"Serving {server.Address} (watching {settings.InputFolder} and {settings.ThemeFolder}); press Ctrl+C to stop");
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("stopping");
            }
        }

        return 0;
    }
}
