using System.Text;

namespace Generator.BrowserTests;

/// A site built by the real generator into a temp folder (never the repo's output/):
/// the repository's sample site, or an inline fixture of "-- path --" sections.
public sealed class BuiltSite
{
    private BuiltSite(string name, string output, string basePath)
    {
        Name = name;
        Output = output;
        BasePath = basePath;
    }

    public string Name { get; }

    public string Output { get; }

    /// The path part of the site's base_url: "/" or a project path such as "/white-papers/".
    public string BasePath { get; }

    /// Every page of the output as a site path ("/", "/en/", "/404.html"), ordered:
    /// the gates are data-driven, so a new page type is covered as soon as it is built.
    public IReadOnlyList<string> Pages() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(file => "/" + Path.GetRelativePath(Output, file).Replace('\\', '/'))
            .Select(path => path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path)
            .Order(StringComparer.Ordinal)
            .ToList();

    public string FileOf(string page) =>
        Path.Combine(Output, (page.EndsWith('/') ? page + "index.html" : page).TrimStart('/'));

    public static Task<BuiltSite> BuildSampleAsync(string into)
    {
        var root = RepositoryRoot();
        return BuildAsync("sample site", Path.Combine(root, "input"), Path.Combine(root, "theme"), into);
    }

    /// Writes the sections under <paramref name="into"/> and builds them with the repository's theme.
    /// <paramref name="more"/> writes what sections cannot hold (photos), given the folder.
    public static Task<BuiltSite> BuildInlineAsync(string files, string into, Action<string>? more = null)
    {
        WriteSections(files, into);
        more?.Invoke(into);
        return BuildAsync("fixture site", Path.Combine(into, "input"), Path.Combine(RepositoryRoot(), "theme"), into);
    }

    public static async Task<BuiltSite> BuildAsync(string name, string input, string theme, string into)
    {
        var output = Path.Combine(into, "output");
        var build = new SiteBuild(new BuildSettings
        {
            InputFolder = input,
            ThemeFolder = theme,
            OutputFolder = output,
            DisplayRoot = RepositoryRoot(),
        });
        var result = await build.RunAsync();
        if (!result.Succeeded || result.Bugs.Count > 0)
            throw new InvalidOperationException($"the {name} did not build:\n{string.Join("\n", result.Diagnostics.Select(d => d.ToString()).Concat(result.Bugs.Select(b => b.ToString())))}");
        return new BuiltSite(name, output, SiteData.Site(result).BasePath);
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

    /// Writes each "-- path --" section of <paramref name="files"/> under <paramref name="into"/>.
    public static void WriteSections(string files, string into)
    {
        foreach (var (path, text) in Sections(files))
        {
            var file = Path.Combine(into, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text, new UTF8Encoding(false));
        }
    }

    private static Dictionary<string, string> Sections(string files)
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
            }
            else if (current is not null)
            {
                text.Append(line).Append('\n');
            }
        }

        if (current is not null)
            sections[current] = text.ToString();
        return sections;
    }
}
