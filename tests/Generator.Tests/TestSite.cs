using System.Text;
using Generator.Engine;

namespace Generator.Tests;

/// A mini-site declared inline, Hugo-style: "-- path --" sections written into a fresh
/// temp folder (never the repo's input/ or output/), built with the real engine.
/// When the test declares no theme/ files, the repository's theme is used.
public sealed class TestSite : IDisposable
{
    private TestSite(string root) => Root = root;

    public string Root { get; }

    public string Output => Path.Combine(Root, "output");

    public BuildResult Result { get; private set; } = null!;

    public static TestSite Build(string files, string? baseUrl = null)
    {
        var site = Create(files);
        site.Rebuild(baseUrl);
        return site;
    }

    /// A site built as preview builds it, one session across edits (see <see cref="RunningSite"/>).
    public static RunningSite Running(string files, bool includeDrafts = false) => new(Create(files), includeDrafts);

    public static TestSite Create(string files)
    {
        var site = new TestSite(Directory.CreateTempSubdirectory("generator-test-").FullName);
        var sections = Parse(files);
        site.Write(sections);
        if (!sections.Keys.Any(k => k.StartsWith("theme/", StringComparison.Ordinal)))
            CopyFolder(Path.Combine(RepositoryRoot(), "theme"), Path.Combine(site.Root, "theme"));
        return site;
    }

    /// Tests build on a fixed date, so scheduled (future) topics stay predictable.
    public static readonly DateTimeOffset BuildTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TestSite Rebuild(string? baseUrl = null, bool write = true) =>
        Rebuild(Settings(baseUrl, write));

    public TestSite Rebuild(BuildSettings settings)
    {
        Result = new SiteBuild(settings).RunAsync().GetAwaiter().GetResult();
        Assert.True(Result.Bugs.Count == 0, $"the build hit a bug:\n{string.Join("\n", Result.Bugs)}");
        return this;
    }

    public BuildSettings Settings(string? baseUrl = null, bool write = true) => new()
    {
        InputFolder = Path.Combine(Root, "input"),
        ThemeFolder = Path.Combine(Root, "theme"),
        OutputFolder = write ? Output : null,
        DisplayRoot = Root,
        BaseUrl = baseUrl is null ? null : new Uri(baseUrl),
        BuildTime = BuildTime,
    };

    /// Adds or replaces files ("-- path --" sections) before a rebuild.
    public TestSite Edit(string files)
    {
        Write(Parse(files));
        return this;
    }

    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    /// Every output file's bytes, by its path under the output folder.
    public Dictionary<string, byte[]> Snapshot() =>
        Files().ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(Output, f)), StringComparer.Ordinal);

    /// The output holds exactly the files of <paramref name="expected"/>, byte for byte.
    public void AssertSameOutput(Dictionary<string, byte[]> expected, string than)
    {
        var actual = Snapshot();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from {than}");
    }

    public bool Exists(string outputPath) => File.Exists(Path.Combine(Output, outputPath));

    /// Each non-blank line of <paramref name="expected"/> must occur in the file; "! " negates.
    public void AssertFile(string outputPath, string expected)
    {
        AssertSucceeded();
        Assert.True(Exists(outputPath), $"{outputPath} was not written; output has:\n{string.Join("\n", Files())}");
        AssertText(Read(outputPath), expected, outputPath);
    }

    public static void AssertText(string actual, string expected, string what)
    {
        foreach (var line in expected.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var negated = line.StartsWith("! ", StringComparison.Ordinal);
            var needle = negated ? line[2..] : line;
            if (actual.Contains(needle, StringComparison.Ordinal) == negated)
                Assert.Fail($"{what}: expected {(negated ? "no " : "")}'{needle}' in:\n{actual}");
        }
    }

    public void AssertSucceeded() =>
        Assert.True(Result.Succeeded, "the build failed:\n" + string.Join("\n", Result.Diagnostics));

    /// A diagnostic whose compiler-style text starts with <paramref name="prefix"/>,
    /// such as "input/en/a.md(3,7): error GEN012".
    public Diagnostic AssertDiagnostic(string prefix)
    {
        var found = Result.Diagnostics.FirstOrDefault(d => d.ToString().StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(found is not null, $"expected a diagnostic starting '{prefix}', got:\n{string.Join("\n", Result.Diagnostics)}");
        return found!;
    }

    public void AssertNoDiagnostics() =>
        Assert.True(Result.Diagnostics.Count == 0, "expected no diagnostics, got:\n" + string.Join("\n", Result.Diagnostics));

    public IEnumerable<string> Files() =>
        Directory.Exists(Output)
            ? Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
            : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans it.
        }
    }

    /// A loopback port nobody listens on, for servers the tests start.
    public static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private void Write(Dictionary<string, string> sections)
    {
        foreach (var (path, text) in sections)
        {
            var file = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // "png 40x30" is a real (grey) PNG of that size, for photos libvips must read (issue 16).
            if (System.Text.RegularExpressions.Regex.Match(text, @"^png (\d+)x(\d+)\n?$") is { Success: true } png)
                File.WriteAllBytes(file, Incremental.Png.Of(int.Parse(png.Groups[1].Value), int.Parse(png.Groups[2].Value)));
            else
                File.WriteAllText(file, text, new UTF8Encoding(false));
        }
    }

    private static Dictionary<string, string> Parse(string files)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var text = new StringBuilder();
        foreach (var line in files.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                if (current is not null)
                    sections[current] = text.ToString();
                current = line[3..^3].Trim();
                text.Clear();
                continue;
            }

            if (current is not null)
                text.Append(line).Append('\n');
        }

        if (current is not null)
            sections[current] = text.ToString();
        return sections;
    }
}
