using System.Text;
using Generator.Engine;

namespace Generator.Tests;

/// A site built the way preview builds it (Hugo's TestRunning): one <see cref="SiteSession"/>
/// across edits, each build told which paths changed. After every build the outputs and
/// diagnostics are compared with a fresh build of the same files, so a stale page fails
/// whichever test it appears in.
public sealed class RunningSite : IDisposable
{
    private readonly TestSite site;
    private readonly SiteSession session;
    private readonly HashSet<string> changed = new(StringComparer.Ordinal);
    private readonly bool includeDrafts;

    /// With <paramref name="includeDrafts"/>, drafts are built as preview builds them.
    public RunningSite(TestSite site, bool includeDrafts = false)
    {
        this.site = site;
        this.includeDrafts = includeDrafts;
        session = new SiteSession(Settings);
        Result = Run(null);
    }

    public string Root => site.Root;

    public BuildResult Result { get; private set; }

    /// Destinations laid out again by the last build.
    public IReadOnlyList<string> Rendered => [.. Result.Rerun
        .Where(r => r.Module == nameof(Generator.Modules.RenderLayouts) && r.Document is not null)
        .Select(r => r.Document!).Order(StringComparer.Ordinal)];

    private BuildSettings Settings => site.Settings(write: false) with { IncludeDrafts = includeDrafts };

    /// Replaces <paramref name="old"/> with <paramref name="replacement"/> in a file of the site.
    public RunningSite Edit(string path, string old, string replacement)
    {
        var text = File.ReadAllText(Full(path));
        Assert.True(text.Contains(old, StringComparison.Ordinal), $"{path} has no '{old}' to edit");
        return Write(path, text.Replace(old, replacement, StringComparison.Ordinal));
    }

    public RunningSite Write(string path, string text) => Write(path, new UTF8Encoding(false).GetBytes(text));

    public RunningSite Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(path))!);
        File.WriteAllBytes(Full(path), bytes);
        changed.Add(Full(path));
        return this;
    }

    public RunningSite Add(string path, string text) => Write(path, text);

    public RunningSite Remove(string path)
    {
        if (Directory.Exists(Full(path)))
            Directory.Delete(Full(path), recursive: true);
        else
            File.Delete(Full(path));
        changed.Add(Full(path));
        return this;
    }

    public RunningSite Rename(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(to))!);
        if (Directory.Exists(Full(from)))
            Directory.Move(Full(from), Full(to));
        else
            File.Move(Full(from), Full(to));
        changed.Add(Full(from));
        changed.Add(Full(to));
        return this;
    }

    /// Builds with the paths changed since the last build, then checks it against a fresh build.
    public RunningSite Build()
    {
        var paths = changed.ToList();
        changed.Clear();
        Result = Run(paths);
        AssertSameAsFreshBuild();
        return this;
    }

    /// Exactly these destinations were laid out again by the last build.
    public RunningSite AssertRendered(params string[] destinations)
    {
        Assert.Equal(destinations.Order(StringComparer.Ordinal), Rendered);
        return this;
    }

    public string Page(string destination) =>
        Result.Outputs.Values.SelectMany(d => d).FirstOrDefault(d => d.Destination == destination)?.Content
        ?? throw new Xunit.Sdk.XunitException($"{destination} was not built; the build has:\n{string.Join("\n", Destinations(Result))}");

    public void AssertPage(string destination, string expected) => TestSite.AssertText(Page(destination), expected, destination);

    public void Dispose() => site.Dispose();

    private BuildResult Run(IReadOnlyCollection<string>? paths)
    {
        var result = session.RunAsync(paths, CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(result.Bugs.Count == 0, $"the build hit a bug:\n{string.Join("\n", result.Bugs)}");
        return result;
    }

    private void AssertSameAsFreshBuild()
    {
        var fresh = new SiteBuild(Settings).RunAsync().GetAwaiter().GetResult();
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), Result.Diagnostics.Select(d => d.ToString()));
        var expected = Files(fresh);
        var actual = Files(Result);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in expected)
        {
            if (actual[path] != file)
                Assert.Fail($"{path} differs from a fresh build's.\n--- fresh ---\n{file}\n--- running ---\n{actual[path]}");
        }
    }

    private static Dictionary<string, string> Files(BuildResult result) =>
        result.Outputs.Values.SelectMany(d => d).Where(d => d.Destination.Length > 0)
            .GroupBy(d => d.Destination, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Content ?? "file " + g.First().SourceFile, StringComparer.Ordinal);

    private static IEnumerable<string> Destinations(BuildResult result) =>
        result.Outputs.Values.SelectMany(d => d).Select(d => d.Destination).Where(d => d.Length > 0).Order(StringComparer.Ordinal);

    private string Full(string path) => Path.Combine(site.Root, path);
}
