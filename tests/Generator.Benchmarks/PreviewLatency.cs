using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Generator.Engine;
using Generator.Site;

namespace Generator.Benchmarks;

/// Whole-process preview latency: starts the real `preview` (or `hugo server`) on a copy of
/// a corpus and of the theme, then saves one change at a time (alternating between topics)
/// and polls that topic's page over HTTP until it shows the change. Reports the median, p90
/// and max of save → served-changed, and the server's peak memory (VmHWM) against the peak
/// of a clean build of the same corpus.
public static class PreviewLatency
{
    /// The interface string the i18n edit changes: both themes' base layout shows it on every
    /// page (the site menu's link to the home page), so any topic page shows the new text.
    private const string I18nKey = "home";

    /// <paramref name="edit"/> is "body" (a word of the body), "title" (the front matter's
    /// title, which every list showing the topic repeats), "tag" (a tag added to the front
    /// matter: the topic page and the tag's list change) or "i18n" (an interface string of the
    /// theme, on every page). <paramref name="theme"/> is copied into the work folder
    /// ({theme} in the command) so that the i18n edit never touches the repository's theme.
    /// <paramref name="tagName"/> is what the tool's topic page shows for a tag key.
    /// <paramref name="cleanBuildPeakMiB"/> is the peak memory of a clean build (0: unknown).
    public static int Run(string corpus, string theme, string command, string[] commandArgs, string tool, int edits, string edit,
        Func<string, string> pageOf, Func<Taxonomy, string, string> tagName, double cleanBuildPeakMiB)
    {
        var work = Path.Combine(Path.GetTempPath(), $"preview-latency-{Environment.ProcessId}");
        var input = Path.Combine(work, "input");
        CopyFolder(Path.Combine(corpus, "input"), input);
        CopyFolder(theme, Path.Combine(work, "theme"));
        var topics = Directory.EnumerateFiles(Path.Combine(input, "en", "topics"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        // Alternate between topics spread over the corpus (first, middle, last, ...).
        var chosen = new[] { 0, topics.Count / 2, topics.Count - 1, topics.Count / 4 }.Distinct().Select(i => topics[i]).ToList();
        var originals = chosen.ToDictionary(f => f, File.ReadAllText);
        var taxonomy = LoadTaxonomy(input);
        // Per topic, the taxonomy's tags it does not have: its k-th edit adds the k-th of them.
        var addable = chosen.ToDictionary(f => f, f => taxonomy.Keys.Except(TagsOf(originals[f])).ToList());
        if (edit == "tag" && addable.Values.Any(tags => tags.Count < 2))
            return Refuse(work, "tag edits need at least two taxonomy tags that a topic does not have");

        var i18nFile = new[] { "en.yml", "en.toml" }.Select(name => Path.Combine(work, "theme", "i18n", name)).FirstOrDefault(File.Exists);
        if (edit == "i18n" && i18nFile is null)
            return Refuse(work, $"{tool}: the theme {theme} has no i18n/en.yml or i18n/en.toml to edit");

        var i18nOriginal = i18nFile is null ? "" : File.ReadAllText(i18nFile);

        var port = FreePort();
        string Substitute(string arg) =>
            arg.Replace("{input}", input, StringComparison.Ordinal)
                .Replace("{theme}", Path.Combine(work, "theme"), StringComparison.Ordinal)
                .Replace("{work}", work, StringComparison.Ordinal)
                .Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var start = new ProcessStartInfo(Substitute(command))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in commandArgs)
            start.ArgumentList.Add(Substitute(arg));
        using var server = Process.Start(start)!;
        var log = new List<string>();
        server.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.Add(line); };
        server.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.Add(line); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            // hugo server answers its first request only when its first build is done: more
            // than 30 s at 10,000 topics.
            Timeout = TimeSpan.FromMinutes(5),
        };
        try
        {
            var startup = Stopwatch.StartNew();
            var first = pageOf(Path.GetRelativePath(input, chosen[0]).Replace('\\', '/'));
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
                var url = pageOf(Path.GetRelativePath(input, file).Replace('\\', '/'));
                // Each edit starts from the original file, so a topic's edit also undoes its
                // previous one; the tag differs from that one's, so every save is a change.
                var tag = edit == "tag" ? addable[file][k / chosen.Count % addable[file].Count] : "";
                var (path, text) = edit switch
                {
                    "title" => (file, EditTitle(originals[file], token)),
                    "tag" => (file, AddTag(originals[file], tag)),
                    "i18n" => (i18nFile!, EditString(i18nOriginal, I18nKey, token)),
                    _ => (file, EditBody(originals[file], token)),
                };
                Func<bool> served = edit == "tag"
                    ? () => Get(http, url) is { } html && TagsShow(html, tagName(taxonomy, tag)) && TagListShows(http, $"en/tags/{tag}/", url)
                    : () => Get(http, url) is { } html && html.Contains(token, StringComparison.Ordinal);
                var clock = Stopwatch.StartNew();
                File.WriteAllText(path, text);
                while (!served())
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(120) || server.HasExited)
                    {
                        Console.Error.WriteLine($"{tool} never served the edit of {url}:\n" + string.Join('\n', log.TakeLast(30)));
                        return 1;
                    }

                    Thread.Sleep(1);
                }

                // Read once: the clock runs on, and the printed figure should be the one counted.
                var latency = clock.Elapsed.TotalMilliseconds;
                latencies.Add(latency);
                var what = edit == "tag" ? $"  (+{tag}, and en/tags/{tag}/)" : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  edit {k + 1,2}: {latency,7:0.0} ms  {url}{what}"));
                Thread.Sleep(400);
            }

            latencies.Sort();
            // What the server says its own rebuilds took (our preview prints "... in N ms").
            List<string> lines;
            lock (log)
                lines = [.. log];
            var own = lines.Select(l => Regex.Match(l, @"^(?:updated|rebuilt)\b.*? in (\d+) ms"))
                .Where(m => m.Success).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
            if (own.Count > 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tool}: its own rebuild times: median {Percentile(own, 0.5):0} ms, p90 {Percentile(own, 0.9):0} ms ({own.Count} rebuilds)"));
            var peak = PeakMemoryMiB(server.Id);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tool}: {topics.Count} topics, {edits} {edit} edits: median {Percentile(latencies, 0.5):0} ms, p90 {Percentile(latencies, 0.9):0} ms, max {latencies[^1]:0} ms; peak memory {peak:0} MiB"));
            // The memory a server keeps between rebuilds (snapshots, memos) is what this ratio
            // shows: a server that kept nothing would peak near one clean build.
            if (cleanBuildPeakMiB > 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{tool}: clean build peak memory {cleanBuildPeakMiB:0} MiB; preview peak after {edits} edits / clean build peak: {peak / cleanBuildPeakMiB:0.00}"));
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

    /// Our topic page shows a tag by its English name from taxonomy.yml.
    public static string OurTagName(Taxonomy taxonomy, string key) => taxonomy.Name(key, "en");

    /// The Hugo site's topic page shows a tag by its key (the site has no taxonomy names).
    public static string HugoTagName(Taxonomy taxonomy, string key) => key;

    private static Taxonomy LoadTaxonomy(string input)
    {
        var diagnostics = new List<Diagnostic>();
        var site = SiteConfigLoader.Load(Path.Combine(input, "site.yml"), "input/site.yml", diagnostics);
        return Taxonomy.Load(Path.Combine(input, "taxonomy.yml"), "input/taxonomy.yml", site, diagnostics);
    }

    private static int Refuse(string work, string message)
    {
        Console.Error.WriteLine(message);
        Directory.Delete(work, recursive: true);
        return 1;
    }

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

    /// Whether the page's tag list (`<ul class="tags"`, in both themes) has a link named
    /// <paramref name="name"/>; the name elsewhere on the page (a related topic's title) does not count.
    private static bool TagsShow(string html, string name)
    {
        var at = html.IndexOf("<ul class=\"tags\"", StringComparison.Ordinal);
        if (at < 0)
            return false;
        var end = html.IndexOf("</ul>", at, StringComparison.Ordinal);
        return end > at && WebUtility.HtmlDecode(html[at..end]).Contains($">{name}</a>", StringComparison.Ordinal);
    }

    /// Whether the tag's list links to the topic on any of its pages (ours continues at
    /// …/page/2/ after 20 topics; the Hugo site's list is one page): follows rel="next".
    private static bool TagListShows(HttpClient http, string list, string topic)
    {
        var link = $"href=\"/{topic}\"";
        for (var url = list; ;)
        {
            if (Get(http, url) is not { } html)
                return false;
            if (html.Contains(link, StringComparison.Ordinal))
                return true;
            var next = Regex.Match(html, "<a href=\"/([^\"]*)\" rel=\"next\"");
            if (!next.Success)
                return false;
            url = next.Groups[1].Value;
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

    /// Puts <paramref name="token"/> at the end of the front matter's title.
    private static string EditTitle(string text, string token)
    {
        var at = text.IndexOf("\"\n", text.IndexOf("title: \"", StringComparison.Ordinal), StringComparison.Ordinal);
        return text[..at] + " " + token + text[at..];
    }

    /// Puts <paramref name="token"/> after the first "percent." of the body (after the front
    /// matter): every English topic of the corpus has one.
    private static string EditBody(string text, string token)
    {
        var body = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var at = text.IndexOf("percent.", body, StringComparison.Ordinal) + "percent.".Length;
        return text[..at] + " " + token + text[at..];
    }

    /// The front matter's tags; both corpus writers (Corpus.cs, make_corpus.py) write them as
    /// a block list, "tags:" then "  - key" lines.
    private static IEnumerable<string> TagsOf(string text)
    {
        var at = text.IndexOf("\ntags:\n", StringComparison.Ordinal);
        if (at < 0)
            yield break;
        foreach (var line in text[(at + "\ntags:\n".Length)..].Split('\n').TakeWhile(l => l.StartsWith("  - ", StringComparison.Ordinal)))
            yield return line["  - ".Length..].Trim();
    }

    /// Adds <paramref name="tag"/> as the first item of the front matter's tags list.
    private static string AddTag(string text, string tag)
    {
        var at = text.IndexOf("\ntags:\n", StringComparison.Ordinal) + "\ntags:\n".Length;
        return text[..at] + "  - " + tag + "\n" + text[at..];
    }

    /// Appends <paramref name="token"/> to the quoted value of <paramref name="key"/>, a
    /// top-level line of an i18n file: `key: "Text"` (ours, YAML) or `key = "Text"` (Hugo's, TOML).
    private static string EditString(string text, string key, string token)
    {
        var line = new Regex($"^({Regex.Escape(key)}\\s*[:=]\\s*\"[^\"\\n]*)\"", RegexOptions.Multiline);
        if (!line.IsMatch(text))
            throw new InvalidOperationException($"the i18n file has no line {key}: \"…\" (or {key} = \"…\")");
        return line.Replace(text, m => m.Groups[1].Value + " " + token + "\"", 1);
    }
}
