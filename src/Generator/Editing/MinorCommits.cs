namespace Generator.Editing;

/// Commits that say their change to an original needs no retranslation (issue 17): a Git
/// trailer <c>Translation: minor</c> at the end of the commit message. When every commit
/// that touched an original since its translation was marked says so, and the original has
/// no uncommitted change, the translation stays up to date; the commits' authors decided,
/// and `translations mark` writes that into the translation's record. Read with the git
/// executable, only for a translation that is stale by its fingerprint and has a record
/// with the commit it was marked at; outside Git, or where that commit is not in the
/// clone (a shallow checkout), nothing is waived.
public sealed class MinorCommits(string inputFolder)
{
    /// The trailer's key (matched as Git matches trailer keys, in any letter case).
    public const string Trailer = "Translation";

    public const string Minor = "minor";

    private readonly Lazy<string?> root = new(() =>
        GitWorkTree.Run(inputFolder, "rev-parse", "--show-toplevel")?.Trim() is { Length: > 0 } top ? Path.GetFullPath(top) : null);

    public string InputFolder => inputFolder;

    /// Whether the input is in a Git work tree at all (asked once): outside one, no record is read.
    public bool InWorkTree => root.Value is not null;

    /// Who waived the changes of <paramref name="originalFile"/> since <paramref name="markedAt"/>
    /// (the newest such commit and the authors of all of them), or null when some change is
    /// not waived: a commit without the trailer, or a change not committed yet.
    public MinorCommit? Waiver(string markedAt, string originalFile)
    {
        if (root.Value is not { } top)
            return null;
        var log = GitWorkTree.Run(top, "log", $"--format=%H%x1f%an <%ae>%x1f%(trailers:key={Trailer},valueonly,separator=%x2C)%x1e",
            "--end-of-options", $"{markedAt}..HEAD", "--", originalFile);
        if (log is null)
            return null;
        var commits = log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split('\x1f'))
            .Where(fields => fields.Length == 3)
            .ToList();
        if (commits.Count == 0)
            return null; // no commit changed it since: the change is in the work tree
        if (!commits.All(fields => fields[2].Split(',', StringSplitOptions.TrimEntries).Contains(Minor, StringComparer.OrdinalIgnoreCase)))
            return null;
        if (GitWorkTree.Run(top, "status", "--porcelain", "--", originalFile) is not { } status || status.Trim().Length > 0)
            return null;
        return new MinorCommit(commits[0][0], string.Join("; ", commits.Select(c => c[1]).Distinct(StringComparer.Ordinal)));
    }
}

/// The newest commit that waived an original's change, and who decided (its commits' authors).
public sealed record MinorCommit(string Commit, string By);
