namespace Generator.Editing;

/// What a pull request changed (issue 17): the files that differ between HEAD and its merge
/// base with the base branch (`git diff base...HEAD`), so the job summary can list only the
/// translations this change made stale.
public sealed record BaseComparison(string Ref, string MergeBase, IReadOnlySet<string> Changed)
{
    /// The comparison with <paramref name="wanted"/> (tried as given, and as origin's branch of
    /// that name: a CI checkout has the base only as origin/&lt;branch&gt;), or null with the
    /// reason in <paramref name="problem"/>.
    public static BaseComparison? Find(string folder, string wanted, bool remoteFirst, out string problem)
    {
        problem = "";
        if (GitWorkTree.Run(folder, "rev-parse", "--show-toplevel")?.Trim() is not { Length: > 0 } root)
        {
            problem = $"{folder} is not in a Git work tree";
            return null;
        }

        string[] candidates = remoteFirst ? [$"origin/{wanted}", wanted] : [wanted, $"origin/{wanted}"];
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            // "--end-of-options" keeps a ref that looks like an option from being read as one.
            if (GitWorkTree.Run(root, "merge-base", "--end-of-options", candidate, "HEAD")?.Trim() is not { Length: > 0 } mergeBase)
                continue;
            var names = GitWorkTree.Run(root, "diff", "--name-only", "-z", "--no-renames", mergeBase, "HEAD", "--");
            if (names is null)
                continue;
            var changed = names.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(name => Path.GetFullPath(Path.Combine(root, name)))
                .ToHashSet(StringComparer.Ordinal);
            return new BaseComparison(candidate, mergeBase, changed);
        }

        problem = $"'{wanted}' is not a commit here (nor origin/{wanted}); fetch it (actions/checkout with fetch-depth: 0)";
        return null;
    }
}
