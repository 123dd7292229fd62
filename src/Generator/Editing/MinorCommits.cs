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

    /// The commit checked out (asked each time): a waiver read history up to it, so a new
    /// commit is a change of what it read.
    public string? Head() => root.Value is { } top ? GitWorkTree.Run(top, "rev-parse", "HEAD")?.Trim() : null;

    /// Who waived the changes of <paramref name="originalFile"/> since the translation was
    /// marked at <paramref name="markedAt"/> against <paramref name="markedFingerprint"/> (the
    /// newest such commit and the authors of all of them), or null when some change is not
    /// waived: a commit without the trailer, or a change not committed yet. The changes are
    /// those of the commits after the newest one whose original has the marked fingerprint:
    /// the usual workflow marks before committing, so the commit that holds the marked text
    /// (with no trailer) is not a change since the mark. Without such a commit the marked text
    /// is the one at <paramref name="markedAt"/>, when the original had no uncommitted change
    /// then (<paramref name="modifiedAtMark"/> false); otherwise nothing is waived.
    public MinorCommit? Waiver(string markedAt, string originalFile, string markedFingerprint, bool modifiedAtMark)
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
        if (GitWorkTree.Run(top, "status", "--porcelain", "--", originalFile) is not { } status || status.Trim().Length > 0)
            return null;
        var since = new List<string[]>();
        var found = false;
        foreach (var fields in commits) // newest first
        {
            if (FingerprintAt(top, fields[0], originalFile) == markedFingerprint)
            {
                found = true;
                break;
            }

            since.Add(fields);
        }

        if (since.Count == 0 || (!found && modifiedAtMark))
            return null; // nothing committed since the marked text, or the marked text was never committed
        if (!since.All(fields => fields[2].Split(',', StringSplitOptions.TrimEntries).Contains(Minor, StringComparer.OrdinalIgnoreCase)))
            return null;
        return new MinorCommit(since[0][0], string.Join("; ", since.Select(c => c[1]).Distinct(StringComparer.Ordinal)));
    }

    /// The translation fingerprint of the original as <paramref name="commit"/> holds it (null
    /// when it is not there). Only the texts count, so the taxonomy does not matter here.
    private static string? FingerprintAt(string top, string commit, string originalFile)
    {
        var relative = Path.GetRelativePath(top, Path.GetFullPath(originalFile)).Replace('\\', '/');
        if (GitWorkTree.Run(top, "show", $"{commit}:{relative}") is not { } text)
            return null;
        var matter = new Content.FrontMatterReader(Site.Taxonomy.Empty).Read(relative, text, Content.PageKind.Topic, new List<Engine.Diagnostic>());
        return matter.Unreadable ? null : Content.TranslationFingerprint.Of(matter, text);
    }
}

/// The newest commit that waived an original's change, and who decided (its commits' authors).
public sealed record MinorCommit(string Commit, string By);
