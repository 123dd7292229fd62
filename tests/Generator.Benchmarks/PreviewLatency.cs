using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Generator.Benchmarks;

/// Whole-process preview latency: starts the real `preview` (or `hugo server`) on a copy of
/// a corpus, then saves one topic at a time (a word of its body changed, alternating between
/// topics) and polls that topic's page over HTTP until it shows the change. Reports the
/// median, p90 and max of save → served-changed, and the server's peak memory (VmHWM).
public static class PreviewLatency
{
    /// <paramref name="edit"/> is "body" (a word of the body) or "title" (the front matter's
    /// title, which every list showing the topic repeats).
    public static int Run(string corpus, string command, string[] commandArgs, string tool, int edits, string edit, Func<string, string> pageOf)
    {
        var work = Path.Combine(Path.GetTempPath(), $"preview-latency-{Environment.ProcessId}");
        CopyFolder(Path.Combine(corpus, "input"), Path.Combine(work, "input"));
        var topics = Directory.EnumerateFiles(Path.Combine(work, "input", "en", "topics"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        // Alternate between topics spread over the corpus (first, middle, last, ...).
        var chosen = new[] { 0, topics.Count / 2, topics.Count - 1, topics.Count / 4 }.Distinct().Select(i => topics[i]).ToList();
        var originals = chosen.ToDictionary(f => f, File.ReadAllText);

        var port = FreePort();
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in commandArgs)
            start.ArgumentList.Add(arg.Replace("{input}", Path.Combine(work, "input"), StringComparison.Ordinal)
                .Replace("{work}", work, StringComparison.Ordinal)
                .Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var server = Process.Start(start)!;
        var log = new List<string>();
        server.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.Add(line); };
        server.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.Add(line); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            var startup = Stopwatch.StartNew();
            var first = pageOf(Path.GetRelativePath(Path.Combine(work, "input"), chosen[0]).Replace('\\', '/'));
            while (Get(http, first) is null)
            {
                if (server.HasExited || startup.Elapsed > TimeSpan.FromMinutes(15))
                {
                    Console.Error.WriteLine($"{tool} did not serve {first}:\n" + string.Join('\n', log.TakeLast(30)));
                    return 1;
                }

                Thread.Sleep(50);
            }

            Console.WriteLine($"{tool}: first page served after {startup.Elapsed.TotalSeconds:0.0} s; {edits} edits over {chosen.Count} topics");
            Thread.Sleep(1000); // let start-up work (JIT tiering, GC) settle

            var latencies = new List<double>();
            for (var k = 0; k < edits; k++)
            {
                var file = chosen[k % chosen.Count];
                var token = $"edited{k:000}x{Environment.TickCount64 % 100000}";
                var text = edit == "title" ? EditTitle(originals[file], token) : EditBody(originals[file], token);
                var url = pageOf(Path.GetRelativePath(Path.Combine(work, "input"), file).Replace('\\', '/'));
                var clock = Stopwatch.StartNew();
                File.WriteAllText(file, text);
                while (true)
                {
                    if (Get(http, url) is { } html && html.Contains(token, StringComparison.Ordinal))
                        break;
                    if (clock.Elapsed > TimeSpan.FromSeconds(120) || server.HasExited)
                    {
                        Console.Error.WriteLine($"{tool} never served the edit of {url}:\n" + string.Join('\n', log.TakeLast(30)));
                        return 1;
                    }

                    Thread.Sleep(1);
                }

                latencies.Add(clock.Elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  edit {k + 1,2}: {clock.Elapsed.TotalMilliseconds,7:0.0} ms  {url}"));
                Thread.Sleep(400);
            }

            latencies.Sort();
            // What the server says its own rebuilds took (our preview prints "... in N ms").
            List<string> lines;
            lock (log)
                lines = [.. log];
            var own = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(?:updated|rebuilt)\b.*? in (\d+) ms"))
                .Where(m => m.Success).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
            if (own.Count > 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tool}: its own rebuild times: median {Percentile(own, 0.5):0} ms, p90 {Percentile(own, 0.9):0} ms ({own.Count} rebuilds)"));
            var peak = PeakMemoryMiB(server.Id);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tool}: {topics.Count} topics, {edits} {edit} edits: median {Percentile(latencies, 0.5):0} ms, p90 {Percentile(latencies, 0.9):0} ms, max {latencies[^1]:0} ms; peak memory {peak:0} MiB"));
            return 0;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }

            Directory.Delete(work, recursive: true);
        }
    }

    /// Our preview's URL for an input file: en/topics/2022/x.md → en/topics/2022/x/.
    public static string OurPage(string relative) => relative[..^".md".Length] + "/";

    private static string? Get(HttpClient http, string url)
    {
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK ? response.Content.ReadAsStringAsync().GetAwaiter().GetResult() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double PeakMemoryMiB(int pid)
    {
        // The largest of the process tree (hugo runs under run_hugo.sh's shell).
        var status = File.ReadAllLines($"/proc/{pid}/status");
        var line = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) ?? "VmHWM: 0 kB";
        var own = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        var children = File.Exists($"/proc/{pid}/task/{pid}/children")
            ? File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)
            : [];
        return children.Select(PeakMemoryMiB).Append(own).Max();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    /// Puts <paramref name="token"/> after the first "percent." of the body (after the front
    /// matter): every English topic of the corpus has one.
    private static string EditTitle(string text, string token)
    {
        var at = text.IndexOf("\"\n", text.IndexOf("title: \"", StringComparison.Ordinal), StringComparison.Ordinal);
        return text[..at] + " " + token + text[at..];
    }

    private static string EditBody(string text, string token)
    {
        var body = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var at = text.IndexOf("percent.", body, StringComparison.Ordinal) + "percent.".Length;
        return text[..at] + " " + token + text[at..];
    }
}
