using Generator.Content;
using Generator.Engine;
using Generator.Site;
using Generator.Theme;

namespace Generator.Modules;

public sealed partial class PairTranslations
{
    /// The record a topic's languages share (issue 20). A change happens to the topic, not
    /// to one language: each file writes the note in its language, but the dates are the
    /// same in every language, so "Last updated", dateModified, the feeds' updated and the
    /// sitemap's lastmod agree across the pair. A change recorded in one language only is an
    /// error at that entry, naming the other file and the entry to add there (GEN115).
    /// superseded_by is language-neutral: a translation takes the original's, and one that
    /// sets its own, other than the original's, is told to remove it (GEN114).
    private static FrontMatter CheckRecord(Document doc, FrontMatter matter, Dictionary<string, Document> group, SiteConfig site, BuildContext context)
    {
        var lang = doc.Require<string>(Keys.Lang);
        if (lang == site.DefaultLanguage)
        {
            foreach (var (other, page) in group.Where(g => g.Key != lang).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                foreach (var change in Unmatched(matter.Changes, page.Require<FrontMatter>(Keys.FrontMatter).Changes))
                {
                    context.Error(DiagnosticCodes.ChangeDatesDiffer, change.At,
                        $"change of {Dates.Iso(change.Date)} is not in the {LanguageName(site, other)} translation {page.Source}; a change has the same date in every language: " +
                        $"add '- date: {Dates.Iso(change.Date)}' with its 'note:' in {LanguageName(site, other)} to that file's changes");
                }
            }

            return matter;
        }

        if (!group.TryGetValue(site.DefaultLanguage, out var original))
            return matter;
        var theirs = original.Require<FrontMatter>(Keys.FrontMatter);
        var missing = Unmatched(theirs.Changes, matter.Changes);
        foreach (var change in Unmatched(matter.Changes, theirs.Changes))
        {
            var instead = missing.Count > 0 ? $"write the date of the original's change ({Dates.Iso(missing[0].Date)})" : "remove this entry";
            context.Error(DiagnosticCodes.ChangeDatesDiffer, change.At,
                $"change of {Dates.Iso(change.Date)} is not in the {LanguageName(site, site.DefaultLanguage)} original {original.Source}; a change has the same date in every language: " +
                $"{instead}, or add the change to the original with its note in {LanguageName(site, site.DefaultLanguage)}");
        }

        if (matter.SetKeys.Contains("superseded_by") && matter.SupersededByAt is { } at && matter.SupersededBy != theirs.SupersededBy)
        {
            context.Error(DiagnosticCodes.SupersededBy, at, theirs.SupersededBy is { } target
                ? $"superseded_by '{matter.SupersededBy}' differs from the original's '{target}' ({original.Source}); it is the same in every language: remove it here, and this translation takes the original's"
                : $"superseded_by is set in this translation but not in its {LanguageName(site, site.DefaultLanguage)} original {original.Source}; it is the same in every language: " +
                  $"write 'superseded_by: {matter.SupersededBy}' in the original and remove it here (the translation takes it from there)");
            // The languages stay together while the mistake stands: the original's is the one shown.
            matter = matter with { SupersededBy = theirs.SupersededBy, SupersededByAt = theirs.SupersededByAt };
        }

        return matter;
    }

    /// The entries of <paramref name="changes"/> whose date <paramref name="other"/> does not
    /// record (as many times), in their order.
    private static List<ChangeEntry> Unmatched(IEnumerable<ChangeEntry> changes, IEnumerable<ChangeEntry> other)
    {
        var left = other.GroupBy(c => c.Date).ToDictionary(g => g.Key, g => g.Count());
        var unmatched = new List<ChangeEntry>();
        foreach (var change in changes)
        {
            if (left.TryGetValue(change.Date, out var count) && count > 0)
                left[change.Date] = count - 1;
            else
                unmatched.Add(change);
        }

        return unmatched;
    }
}
