using System.Globalization;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Leaves out pages dated after the build date (scheduled topics), unless the build
/// includes the future. A translation without its own date follows its original's date,
/// so a scheduled pair appears in both languages on the same day. Runs before pairing,
/// so no page links to a translation that is not published. With <paramref name="report"/>
/// (check), each page left out is a note at its date and one line says how many topics
/// wait and until when, so a topic dated 9999-12-31 does not vanish without a word (issue 13).
public sealed class LeaveOutScheduled(bool includeFuture, bool report = false) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        if (includeFuture)
            return Task.FromResult(inputs);
        var site = SiteData.Site(context);
        var today = context.Today;
        var originalDates = inputs
            .Where(d => d.Get<string>(Keys.Lang) == site.DefaultLanguage)
            .GroupBy(d => d.Require<string>(Keys.TranslationKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Require<FrontMatter>(Keys.FrontMatter).Date, StringComparer.Ordinal);

        DateOnly? DateOf(Document doc) => doc.Require<FrontMatter>(Keys.FrontMatter).Date
            ?? originalDates.GetValueOrDefault(doc.Require<string>(Keys.TranslationKey));

        var published = new List<Document>(inputs.Count);
        var scheduled = new List<(Document Doc, DateOnly Date)>();
        foreach (var doc in inputs)
        {
            if (DateOf(doc) is { } date && date > today)
                scheduled.Add((doc, date));
            else
                published.Add(doc);
        }

        if (report && scheduled.Count > 0)
            Report(scheduled, context);
        return Task.FromResult<IReadOnlyList<Document>>(published);
    }

    private static void Report(List<(Document Doc, DateOnly Date)> scheduled, BuildContext context)
    {
        foreach (var (doc, date) in scheduled)
        {
            var own = doc.Require<FrontMatter>(Keys.FrontMatter).Date is not null;
            context.Note(DiagnosticCodes.Scheduled, own ? KeyPosition.Of(doc, "date") : doc.At(),
                $"is scheduled for {Iso(date)}{(own ? "" : " (its original's date)")} and is not published before then; build --future publishes it now");
        }

        var topics = scheduled.Where(s => s.Doc.Get<PageKind>(Keys.Kind) == PageKind.Topic)
            .Select(s => s.Doc.Require<string>(Keys.TranslationKey)).Distinct(StringComparer.Ordinal).Count();
        var pages = scheduled.Count;
        context.Note(DiagnosticCodes.Scheduled, null,
            $"{Count(topics, "topic")} ({Count(pages, "file")}) scheduled, the last for {Iso(scheduled.Max(s => s.Date))}");
    }

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
