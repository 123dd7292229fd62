using System.Text;
using Generator.Content;
using Generator.Engine;

namespace Generator.Editing;

/// Writes translated_from into translations: the fingerprint of their original's current
/// text. A translator runs it once a translation is up to date; `check` then reports the
/// translation as stale as soon as the original changes. Only this line of the file changes.
public static class TranslationMarker
{
    /// Marks the translations whose source path (as diagnostics show it) is in
    /// <paramref name="only"/>, or every stale and unmarked one when it is empty. Returns
    /// the paths it changed and those of <paramref name="only"/> that were already up to date.
    public static (IReadOnlyList<string> Changed, IReadOnlyList<string> Current) Mark(BuildResult checkResult, IReadOnlyCollection<string> only)
    {
        var pages = checkResult.Outputs.GetValueOrDefault(nameof(Pipelines.Content)) ?? [];
        var fingerprints = pages
            .Where(p => p.Get<TranslationStatus?>(Keys.TranslationStatus) == TranslationStatus.Original && p.Get<string>(Keys.Fingerprint) is not null)
            .GroupBy(p => p.Require<string>(Keys.TranslationKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Require<string>(Keys.Fingerprint), StringComparer.Ordinal);
        var changed = new List<string>();
        var current = new List<string>();
        foreach (var page in pages.Where(p => p.Source is not null && p.SourceFile is not null).OrderBy(p => p.Source, StringComparer.Ordinal))
        {
            var status = page.Get<TranslationStatus?>(Keys.TranslationStatus);
            if (status is null or TranslationStatus.Original)
                continue;
            if (only.Count > 0 ? !only.Contains(page.Source!) : status == TranslationStatus.Ok)
                continue;
            if (!fingerprints.TryGetValue(page.Require<string>(Keys.TranslationKey), out var fingerprint))
                continue;
            // Keep the file's own encoding details: a byte order mark stays, line endings stay.
            var bytes = File.ReadAllBytes(page.SourceFile!);
            var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
            var text = new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            var marked = WithTranslatedFrom(text, fingerprint);
            if (marked == text)
            {
                current.Add(page.Source!);
                continue;
            }

            File.WriteAllText(page.SourceFile!, marked, new UTF8Encoding(bom));
            changed.Add(page.Source!);
        }

        return (changed, current);
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
