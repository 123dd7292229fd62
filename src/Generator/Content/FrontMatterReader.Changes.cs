using System.Collections.Immutable;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;
using YamlDotNet.RepresentationModel;

namespace Generator.Content;

public sealed partial class FrontMatterReader
{
    private static readonly string[] ChangeKeys = ["date", "note"];

    /// `changes:` (issue 20): a list of {date, note}, oldest first, each at its own position.
    /// Whether a date is after the build date, or before the page's own date, is checked
    /// once the whole front matter is read (<see cref="CheckChanges"/>).
    private static ImmutableArray<ChangeEntry> Changes(YamlNode value, YamlText yaml, ICollection<Diagnostic> diagnostics)
    {
        const string example = "'- date: 2023-03-01' and 'note: Figures for 2022 added'";
        if (value is not YamlSequenceNode list)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, Severity.Error, yaml.At(value),
                $"'changes' must be a list of changes, each with a date and a note, such as {example}"));
            return [];
        }

        var changes = ImmutableArray.CreateBuilder<ChangeEntry>();
        foreach (var item in list)
        {
            if (item is not YamlMappingNode entry)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, Severity.Error, yaml.At(item),
                    $"each change must have keys, such as {example}"));
                continue;
            }

            DateOnly? date = null;
            string? note = null;
            YamlNode? dateNode = null, noteNode = null;
            // A misspelt key ('data:') is one mistake: the unknown key with its suggestion, not
            // also a missing 'date'.
            var meant = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (keyNode, field) in entry.Children)
            {
                var key = YamlText.Scalar(keyNode) ?? "";
                var reader = new ValueReader(key, field, yaml, diagnostics);
                switch (key)
                {
                    case "date": dateNode = field; date = reader.Date(); break;
                    case "note": noteNode = field; note = YamlText.IsNull(field) ? null : reader.Text(); break;
                    default:
                        if (Suggestions.Closest(key, ChangeKeys) is { } closest)
                            meant.Add(closest);
                        var hint = Suggestions.DidYouMean(key, ChangeKeys);
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownKey, Severity.Error, yaml.At(keyNode),
                            $"unknown key '{key}' in a change{(hint.Length > 0 ? hint : "; a change has only 'date' and 'note'")}"));
                        break;
                }
            }

            if (dateNode is null && !meant.Contains("date"))
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ChangeHistory, Severity.Error, yaml.At(item),
                    "this change has no date; add 'date: YYYY-MM-DD', the day the change was published"));
            // A note of the wrong kind ('note: [a, b]') was reported as such by the reader.
            var noteOfWrongKind = noteNode is not null && !YamlText.IsNull(noteNode) && YamlText.Scalar(noteNode) is null;
            if (string.IsNullOrWhiteSpace(note) && (dateNode is null || date is not null) && !meant.Contains("note") && !noteOfWrongKind)
            {
                diagnostics.Add(noteNode is null
                    ? new Diagnostic(DiagnosticCodes.ChangeHistory, Severity.Error, yaml.At(item),
                        "this change has no note; add 'note: …' saying what changed for readers (a typo fix needs no entry)")
                    : new Diagnostic(DiagnosticCodes.ChangeHistory, Severity.Error, yaml.At(noteNode),
                        "this change's note is empty; write what changed for readers, such as 'note: Figures for 2022 added' (a typo fix needs no entry)"));
            }

            if (date is { } day && !string.IsNullOrWhiteSpace(note))
            {
                var at = yaml.At(dateNode!);
                if (changes.Count > 0 && changes[^1].Date > day)
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.ChangeHistory, Severity.Error, at,
                        $"change of {Dates.Iso(day)} is listed after the change of {Dates.Iso(changes[^1].Date)}; list changes oldest first, adding each new one at the end"));
                changes.Add(new ChangeEntry(day, note.Trim(), at));
            }
        }

        return changes.ToImmutable();
    }

    /// A change is published after the page (its 'date') and not after the build date
    /// (<paramref name="today"/>, null when every date counts as published).
    public static void CheckChanges(FrontMatter matter, DateOnly? published, DateOnly? today, ICollection<Diagnostic> diagnostics)
    {
        foreach (var change in matter.Changes)
        {
            if (published is { } date && change.Date < date)
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ChangeHistory, Severity.Error, change.At,
                    $"change of {Dates.Iso(change.Date)} is before the page was published ({Dates.Iso(date)}); correct its date, or the page's 'date'"));
            else if (today is { } now && change.Date > now)
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ChangeHistory, Severity.Error, change.At,
                    $"change of {Dates.Iso(change.Date)} is in the future (the build date is {Dates.Iso(now)}); write the day the change is published"));
        }
    }
}
