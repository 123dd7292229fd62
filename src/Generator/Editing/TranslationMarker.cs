using System.Text;
using Generator.Content;
using Generator.Engine;

namespace Generator.Editing;

/// Writes translated_from into translations: the fingerprint of their original's current
/// text. A translator runs it once a translation is up to date; `check` then reports the
/// translation as stale as soon as the original changes. Only this line of the file changes.
/// Beside it, the translation's <see cref="TranslationRecord"/> keeps the original's blocks
/// as they were, so `check --translations` can say later which of them changed.
public static class TranslationMarker
{
    /// The outcome: files marked, those already up to date, notes for the user, and mistakes.
    /// <paramref name="Waived"/>: the translations marked over an original's change that commits
    /// marked 'Translation: minor' waived, with who decided.
    public sealed record Outcome(IReadOnlyList<string> Changed, IReadOnlyList<string> Current, IReadOnlyList<Diagnostic> Problems,
        IReadOnlyDictionary<string, MinorCommit>? Waived = null);

    /// Marks the translations whose source path (as diagnostics show it) is in
    /// <paramref name="only"/>, or every stale and unmarked one when it is empty. Returns
    /// the paths it changed and those of <paramref name="only"/> that were already up to date.
    public static Outcome Mark(BuildResult checkResult, IReadOnlyCollection<string> only, string inputFolder, GitWorkTree? git)
    {
        var originals = Originals(checkResult);
        var changed = new List<string>();
        var current = new List<string>();
        var waived = new Dictionary<string, MinorCommit>(StringComparer.Ordinal);
        foreach (var page in Translations(checkResult))
        {
            var status = page.Get<TranslationStatus?>(Keys.TranslationStatus);
            var waiver = page.Get<MinorCommit>(Keys.MinorCommit);
            if (only.Count > 0 ? !only.Contains(page.Source!) : status == TranslationStatus.Ok && HasRecord(page, inputFolder) && waiver is null)
                continue;
            if (!originals.TryGetValue(page.Require<string>(Keys.TranslationKey), out var original))
                continue;
            var fingerprint = original.Require<string>(Keys.Fingerprint);
            var recordFile = RecordFile(page, inputFolder);
            var record = TranslationRecord.Read(recordFile);
            var wroteMatter = WriteTranslatedFrom(page, fingerprint);
            if (!wroteMatter && record is not null && record.Fingerprint == fingerprint)
            {
                current.Add(page.Source!);
                continue;
            }

            var fresh = NewRecord(original, fingerprint, git);
            if (waiver is not null)
            {
                // Up to date by commits marked minor: the record says who decided, and in which commit.
                fresh.Minor = [.. record?.Minor ?? [], new TranslationRecord.MinorEdit
                {
                    From = page.Require<FrontMatter>(Keys.FrontMatter).TranslatedFrom ?? "", To = fingerprint, By = waiver.By, Commit = waiver.Commit,
                }];
                waived[page.Source!] = waiver;
            }

            fresh.Write(recordFile);
            changed.Add(page.Source!);
        }

        return new Outcome(changed, current, [], waived);
    }

    /// `translations mark --minor`: the originals named changed in a way that needs no
    /// retranslation. Each of their stale translations is marked against the original's
    /// current text, and its record says who decided, when, and from which fingerprint.
    /// A translation never marked is left alone: a minor edit can only carry over a
    /// translation someone has checked.
    public static Outcome MarkMinor(BuildResult checkResult, IReadOnlyCollection<string> originalSources, string inputFolder, GitWorkTree? git, DateOnly on)
    {
        var originals = Originals(checkResult);
        var changed = new List<string>();
        var current = new List<string>();
        var problems = new List<Diagnostic>();
        var named = originals.Values.Where(o => originalSources.Contains(o.Source!)).ToDictionary(o => o.Require<string>(Keys.TranslationKey), StringComparer.Ordinal);
        foreach (var page in Translations(checkResult).Where(p => named.ContainsKey(p.Require<string>(Keys.TranslationKey))))
        {
            var original = named[page.Require<string>(Keys.TranslationKey)];
            var status = page.Get<TranslationStatus?>(Keys.TranslationStatus);
            if (status == TranslationStatus.Ok)
            {
                current.Add(page.Source!);
                continue;
            }

            var matter = page.Require<FrontMatter>(Keys.FrontMatter);
            if (status != TranslationStatus.Stale || matter.TranslatedFrom is null)
            {
                problems.Add(new Diagnostic(DiagnosticCodes.MinorNotApplicable, Severity.Error, page.At(),
                    $"not marked as a minor edit of {original.Source}: this translation was never marked, so nobody has checked it yet; once it is up to date, run 'translations mark {page.Source}'"));
                continue;
            }

            var fingerprint = original.Require<string>(Keys.Fingerprint);
            var recordFile = RecordFile(page, inputFolder);
            var earlier = TranslationRecord.Read(recordFile);
            var record = NewRecord(original, fingerprint, git);
            record.Minor = [.. earlier?.Minor ?? [], new TranslationRecord.MinorEdit
            {
                From = matter.TranslatedFrom, To = fingerprint, By = GitWorkTree.Who(git), On = on.ToString("yyyy-MM-dd"), Commit = git?.Head,
            }];
            WriteTranslatedFrom(page, fingerprint);
            record.Write(recordFile);
            changed.Add(page.Source!);
        }

        return new Outcome(changed, current, problems);
    }

    public static string RecordFile(Document translation, string inputFolder) =>
        TranslationRecord.PathFor(inputFolder, translation.Require<string>(Engine.Modules.ReadFiles.RelativePathKey));

    private static bool HasRecord(Document page, string inputFolder) => File.Exists(RecordFile(page, inputFolder));

    private static TranslationRecord NewRecord(Document original, string fingerprint, GitWorkTree? git) => new()
    {
        Original = original.Source!,
        Fingerprint = fingerprint,
        Commit = git?.Head,
        OriginalModified = git is null || original.SourceFile is null ? null : git.Modified.Contains(Path.GetFullPath(original.SourceFile)) ? true : null,
        MarkedBy = GitWorkTree.Who(git),
        Blocks = TranslationRecord.FromBlocks(TranslationBlocks.Of(original.Require<FrontMatter>(Keys.FrontMatter), original.Get<string>(Keys.Markdown) ?? "")),
    };

    private static Dictionary<string, Document> Originals(BuildResult checkResult) =>
        (checkResult.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [])
            .Where(p => p.Get<TranslationStatus?>(Keys.TranslationStatus) == TranslationStatus.Original && p.Get<string>(Keys.Fingerprint) is not null && p.Source is not null)
            .GroupBy(p => p.Require<string>(Keys.TranslationKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static IEnumerable<Document> Translations(BuildResult checkResult) =>
        (checkResult.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [])
            .Where(p => p.Source is not null && p.SourceFile is not null
                && p.Get<TranslationStatus?>(Keys.TranslationStatus) is not (null or TranslationStatus.Original))
            .OrderBy(p => p.Source, StringComparer.Ordinal);

    /// Writes the fingerprint into the file's front matter; false when it was there already.
    private static bool WriteTranslatedFrom(Document page, string fingerprint)
    {
        // Keep the file's own encoding details: a byte order mark stays, line endings stay.
        var bytes = File.ReadAllBytes(page.SourceFile!);
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var text = new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        var marked = WithTranslatedFrom(text, fingerprint);
        if (marked == text)
            return false;
        File.WriteAllText(page.SourceFile!, marked, new UTF8Encoding(bom));
        return true;
    }

    /// Replaces the front matter's translated_from line, or adds one before its closing line.
    public static string WithTranslatedFrom(string file, string fingerprint)
    {
        var newline = file.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = file.Split('\n').ToList();
        var line = $"translated_from: \"{fingerprint}\"";
        for (var i = 1; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimEnd('\r', ' ', '\t');
            if (trimmed is "---" or "...")
            {
                lines.Insert(i, line + (newline == "\r\n" ? "\r" : ""));
                return string.Join('\n', lines);
            }

            if (trimmed.StartsWith("translated_from:", StringComparison.Ordinal))
            {
                lines[i] = line + (newline == "\r\n" ? "\r" : "");
                return string.Join('\n', lines);
            }
        }

        return file;
    }
}
