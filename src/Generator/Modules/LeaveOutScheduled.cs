using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Modules;

/// Leaves out pages dated after the build date (scheduled topics), unless the build
/// includes the future. A translation without its own date follows its original's date,
/// so a scheduled pair appears in both languages on the same day. Runs before pairing,
/// so no page links to a translation that is not published.
public sealed class LeaveOutScheduled(SiteConfig site, bool includeFuture) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        if (includeFuture)
            return Task.FromResult(inputs);
        var today = DateOnly.FromDateTime(context.BuildTime.UtcDateTime);
        var originalDates = inputs
            .Where(d => d.Get<string>(Keys.Lang) == site.DefaultLanguage)
            .GroupBy(d => d.Require<string>(Keys.TranslationKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Require<FrontMatter>(Keys.FrontMatter).Date, StringComparer.Ordinal);

        bool Scheduled(Document doc)
        {
            var date = doc.Require<FrontMatter>(Keys.FrontMatter).Date
                ?? originalDates.GetValueOrDefault(doc.Require<string>(Keys.TranslationKey));
            return date > today;
        }

        return Task.FromResult<IReadOnlyList<Document>>([.. inputs.Where(d => !Scheduled(d))]);
    }
}
