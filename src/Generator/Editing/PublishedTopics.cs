using Generator.Content;
using Generator.Site;

namespace Generator.Editing;

/// What the default branch published (issue 20): each page file of the last commit of
/// origin's default branch (else a local main or master) whose addresses may be gone from
/// the work tree: a topic whose file is gone (with the file it was renamed to, when there
/// is one), and a page whose aliases changed. `check` reports each address no page and no
/// alias carries now, so a published address never breaks unnoticed.
public sealed record PublishedTopics(string Branch, IReadOnlyList<PublishedTopic> Changed)
{
    /// How alike a new file must be to a deleted one to count as that file renamed: git's
    /// own default for rename detection (diff -M, 50%).
    public const double RenameSimilarity = 0.5;

    private static readonly FrontMatterReader Reader = new(Taxonomy.Empty);

    /// Null when the input is not in a Git work tree, or no default branch is known.
    public static PublishedTopics? Load(string inputFolder, string displayRoot, SiteConfig site)
    {
        var root = GitWorkTree.Run(inputFolder, "rev-parse", "--show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(root) || DefaultBranch(root) is not { } branch)
            return null;
        root = Path.GetFullPath(root);
        var input = Path.GetRelativePath(root, Path.GetFullPath(inputFolder)).Replace('\\', '/');
        var prefix = input == "." ? "" : input + "/";
        var scope = input == "." ? "." : input;
        var listed = GitWorkTree.Run(root, "ls-tree", "-r", "-z", "--name-only", branch, "--", scope);
        if (listed is null)
            return null;
        var published = listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        // Tracked files whose content differs from the branch (edited or deleted): only their
        // aliases can have changed.
        var differing = (GitWorkTree.Run(root, "diff", "--no-renames", "--name-only", "-z", branch, "--", scope) ?? "")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var renamed = Renames(root, branch, scope);
        var claimed = renamed.Values.ToHashSet(StringComparer.Ordinal);
        var changed = new List<PublishedTopic>();
        foreach (var path in published.Order(StringComparer.Ordinal))
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(".md", StringComparison.Ordinal))
                continue;
            var relative = path[prefix.Length..];
            var parts = relative.Split('/');
            var exists = File.Exists(Path.Combine(root, path));
            if (parts.Length < 2 || site.Find(parts[0]) is null || exists && !differing.Contains(path))
                continue; // not a page, or unchanged
            var topic = parts.Length >= 3 && parts[1] == "topics";
            if (!exists && !topic)
                continue; // a plain page's own address is not tracked, only topics'
            if (GitWorkTree.Run(root, "show", $"{branch}:{path}") is not { } text)
                continue;
            var matter = Reader.Read(path, text, topic ? PageKind.Topic : PageKind.Page, []);
            if (matter.Draft)
                continue; // a draft was never published
            string? now = path;
            if (!exists)
                now = renamed.GetValueOrDefault(path) ?? RenamedByContent(root, text, prefix + parts[0] + "/topics", published, claimed);
            if (now is not null)
                claimed.Add(now);
            var url = SitePaths.PageUrl(parts[0], string.Join('/', parts[1..]));
            changed.Add(new PublishedTopic(Display(root, path, displayRoot), url, [.. matter.Aliases.Select(a => a.Path)],
                now is null ? null : Display(root, now, displayRoot), topic));
        }

        return new PublishedTopics(branch, changed);
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

    /// Old path → new path of the files Git sees renamed between the branch and the work
    /// tree: files it tracks (git mv, or a move that was added).
    private static Dictionary<string, string> Renames(string root, string branch, string scope)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var diff = GitWorkTree.Run(root, "diff", "-M", "--name-status", "-z", branch, "--", scope) ?? "";
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

    /// A file moved with a plain `mv` and not yet added is, to Git, a deletion and an
    /// untracked file, which its rename detection never pairs. So the new topic files of the
    /// same language folder (not on the branch, not already another file's new name) are
    /// compared with the deleted one the way Git compares them, by shared content, and the
    /// most alike at or above <see cref="RenameSimilarity"/> is taken as its new name.
    private static string? RenamedByContent(string root, string published, string topicsFolder, IReadOnlySet<string> onBranch, IReadOnlySet<string> claimed)
    {
        var folder = Path.Combine(root, topicsFolder);
        if (!Directory.Exists(folder))
            return null;
        string? best = null;
        var bestScore = RenameSimilarity;
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (onBranch.Contains(path) || claimed.Contains(path))
                continue;
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue;
            }

            var score = Similarity(published, text);
            if (score >= bestScore && (best is null || score > bestScore))
            {
                best = path;
                bestScore = score;
            }
        }

        return best;
    }

    /// Git's measure of how alike two files are: the bytes of the lines they share (each
    /// line counted as often as both have it) over the size of the larger file.
    public static double Similarity(string a, string b)
    {
        var larger = Math.Max(a.Length, b.Length);
        if (larger == 0)
            return 1;
        var lines = Lines(a).GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        long shared = 0;
        foreach (var line in Lines(b))
        {
            if (lines.TryGetValue(line, out var count) && count > 0)
            {
                lines[line] = count - 1;
                shared += line.Length + 1;
            }
        }

        return Math.Min(1, (double)shared / larger);
    }

    private static IEnumerable<string> Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}

/// A page file of the default branch whose published addresses may be gone: its path, its
/// address, its aliases there, and the file it is now (the same path when it is still there,
/// the file it was renamed to, or null when it was deleted). <see cref="Topic"/>: its own
/// address was published as a topic's, which must not break.
public sealed record PublishedTopic(string Path, string Url, IReadOnlyList<string> Aliases, string? Now, bool Topic)
{
    public bool Gone => Now != Path;
}
