using Generator.Content;
using Generator.Site;

namespace Generator.Editing;

/// The topics published on the default branch (issue 20): each topic file of the last commit
/// of origin's default branch (else a local main or master) whose page is gone from the
/// work tree, with the file Git sees it renamed to. `check` reports each whose address no
/// page and no alias carries now, so a published address never breaks unnoticed.
public sealed record PublishedTopics(string Branch, IReadOnlyList<PublishedTopic> Gone)
{
    /// Null when the input is not in a Git work tree, or no default branch is known.
    public static PublishedTopics? Load(string inputFolder, string displayRoot, SiteConfig site)
    {
        var root = GitWorkTree.Run(inputFolder, "rev-parse", "--show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(root) || DefaultBranch(root) is not { } branch)
            return null;
        var input = Path.GetRelativePath(root, inputFolder).Replace('\\', '/');
        var prefix = input == "." ? "" : input + "/";
        var listed = GitWorkTree.Run(root, "ls-tree", "-r", "-z", "--name-only", branch, "--", input == "." ? "." : input);
        if (listed is null)
            return null;
        var renamed = Renames(root, branch, input);
        var gone = new List<PublishedTopic>();
        foreach (var path in listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(".md", StringComparison.Ordinal))
                continue;
            var relative = path[prefix.Length..];
            var parts = relative.Split('/');
            if (parts.Length < 3 || parts[1] != "topics" || site.Find(parts[0]) is null || File.Exists(Path.Combine(root, path)))
                continue;
            if (GitWorkTree.Run(root, "show", $"{branch}:{path}") is not { } text || IsDraft(text))
                continue; // a draft was never published
            var url = SitePaths.PageUrl(parts[0], string.Join('/', parts[1..]));
            var now = renamed.GetValueOrDefault(path) is { } to ? Display(root, to, displayRoot) : null;
            gone.Add(new PublishedTopic(Display(root, path, displayRoot), url, now));
        }

        return new PublishedTopics(branch, gone);
    }

    private static string Display(string root, string path, string displayRoot) =>
        Path.GetRelativePath(displayRoot, Path.Combine(root, path)).Replace('\\', '/');

    /// origin's default branch (refs/remotes/origin/HEAD), else a local main or master.
    private static string? DefaultBranch(string root)
    {
        if (GitWorkTree.Run(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")?.Trim() is { Length: > 0 } remote)
            return remote;
        foreach (var name in new[] { "main", "master" })
        {
            if (GitWorkTree.Run(root, "rev-parse", "--verify", "--quiet", $"refs/heads/{name}") is not null)
                return name;
        }

        return null;
    }

    /// Old path → new path of the files Git sees renamed between the branch and the work tree.
    private static Dictionary<string, string> Renames(string root, string branch, string input)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        // Only files Git tracks: a file moved but not yet added shows as a deletion, reported at its old path.
        var diff = GitWorkTree.Run(root, "diff", "-M", "--name-status", "-z", branch, "--", input == "." ? "." : input) ?? "";
        var fields = diff.Split('\0');
        for (var i = 0; i + 2 < fields.Length; i++)
        {
            if (fields[i].StartsWith('R'))
            {
                renames[fields[i + 1]] = fields[i + 2];
                i += 2;
            }
            else if (fields[i].Length > 0 && char.IsAsciiLetterUpper(fields[i][0]))
            {
                i += 1;
            }
        }

        return renames;
    }

    private static bool IsDraft(string text) =>
        FrontMatterReader.TrySplit(text, out var yaml)
        && yaml.Split('\n').Any(line => line.TrimEnd('\r', ' ') is "draft: true" or "draft: True" or "draft: TRUE");
}

/// A topic file of the default branch that is gone from the work tree: its path, its
/// address, and the file it was renamed to, when Git sees one.
public sealed record PublishedTopic(string Path, string Url, string? RenamedTo);
