using System.Diagnostics;
using System.Globalization;

namespace Generator.Benchmarks;

/// Where a session's rebuild spends its time, in process: builds a corpus once in a
/// <see cref="SiteSession"/>, then applies each kind of edit to a topic and prints the
/// rebuild's wall time, the processor time it used (a fairer figure on a busy machine) and its slowest modules. `session-profile --corpus DIR --theme DIR`
/// [--rounds R] [--only KIND] (work on copies: the edits are written into the corpus's files, and
/// the i18n and layout edits, which only --only runs, into the theme's).
public static class SessionProfile
{
    public static int Run(string corpus, string theme, int rounds = 1, string? only = null)
    {
        var input = Path.Combine(corpus, "input");
        var session = new SiteSession(new BuildSettings { InputFolder = input, ThemeFolder = theme, DisplayRoot = corpus, Search = false });
        var clock = Stopwatch.StartNew();
        var first = session.RunAsync(null, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first build {clock.Elapsed.TotalMilliseconds:0} ms, {first.Diagnostics.Count(d => d.IsError)} errors"));
        var topics = Directory.EnumerateFiles(Path.Combine(input, "en", "topics"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(8).ToList();
        var edits = new (string Kind, Func<string, int, string> Edit)[]
        {
            ("body", (text, k) => text + $"\nOne more word {k}.\n"),
            ("title", (text, k) => Replace(text, "title: ", $"title: Edited {k} ")),
            ("body", (text, k) => text + $"\nAnd another {k}.\n"),
            ("title", (text, k) => Replace(text, "title: ", $"title: Again {k} ")),
        };
        // A theme edit is applied to the theme's file instead of a topic (see Target).
        // A tag edit adds one of the taxonomy's first keys the topic does not have yet.
        var keys = File.ReadLines(Path.Combine(input, "taxonomy.yml")).Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim().TrimEnd(':')).ToList();
        if (only == "tag")
            edits = [("tag", (text, k) => Replace(text, "tags:\n", "tags:\n  - " + keys.First(key => !text.Contains("  - " + key + "\n", StringComparison.Ordinal)) + "\n"))];
        else if (only is "i18n" or "layout")
            edits = [(only, (text, k) => only == "i18n" ? Replace(text, "home: \"", $"home: \"{k} ") : Replace(text, "</article>", $"<p>{k}</p></article>"))];
        else if (only is not null)
            edits = [.. edits.Where(e => e.Kind == only)];
        for (var n = 0; n < edits.Length * rounds; n++)
        {
            var k = n % edits.Length;
            var file = edits[k].Kind switch
            {
                "i18n" => Path.Combine(theme, "i18n", "en.yml"),
                "layout" => Path.Combine(theme, "layouts", "topic.liquid"),
                _ => topics[n % topics.Count],
            };
            File.WriteAllText(file, edits[k].Edit(File.ReadAllText(file), n));
            var paused = GC.GetTotalPauseDuration();
            var allocated = GC.GetTotalAllocatedBytes();
            var cpu = Environment.CpuUsage.TotalTime;
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            clock.Restart();
            var result = session.RunAsync([file], CancellationToken.None).GetAwaiter().GetResult();
            var elapsed = clock.Elapsed;
            var used = Environment.CpuUsage.TotalTime - cpu;
            var rendered = result.Rerun.Count(r => r.Module == "RenderLayouts" && r.Document is not null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{edits[k].Kind} edit: {elapsed.TotalMilliseconds:0} ms ({used.TotalMilliseconds:0} ms of processor time, {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms in GC pauses, {(GC.GetTotalAllocatedBytes() - allocated) / 1048576} MiB allocated; collections gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}), {rendered} pages laid out again, steps run again: {result.Rerun.Count}"));
            foreach (var timing in result.Timings.OrderByDescending(t => t.Elapsed).Take(8))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {timing.Elapsed.TotalMilliseconds,7:0.0} ms  {timing.Pipeline}/{timing.Phase}/{timing.Module}"));
            var steps = result.Rerun.GroupBy(r => $"{r.Pipeline}/{r.Phase}/{r.Module}").OrderByDescending(g => g.Count()).Take(6);
            Console.WriteLine("    run again: " + string.Join(", ", steps.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ×{g.Count()}"))));
        }

        return 0;
    }

    private static string Replace(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + with + text[(at + what.Length)..];
    }
}
