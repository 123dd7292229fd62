using System.Collections.Concurrent;
using Generator.Content;
using Generator.Engine;

namespace Generator.Modules;

/// Links each topic to its neighbours in the same edition and language (previous/next by
/// topic number) and to related topics: those sharing the most tags. Related topics come
/// from an inverted index tag → topics, reading at most <see cref="CandidatesPerTag"/>
/// topics per tag, so the cost grows with the number of topics, never with its square.
/// Each topic is linked on its own and reads its two neighbours and the candidates of its
/// own tags: in a session, a tag added to one topic links again the topics of that tag,
/// not the site.
public sealed class LinkTopics : DocumentModule<LinkTopics.State>
{
    public const int CandidatesPerTag = 200;
    public const int RelatedCount = 5;

    protected override IReadOnlyList<string> PrepareReads { get; } = [Keys.TopicOrder, Keys.Kind, Keys.Lang, Keys.Url];

    /// A topic as a candidate: where it is, and its date for the order among equals.
    public sealed record Candidate(string Url, DateOnly? Date);

    /// Per language: each topic's neighbours by address, and each tag's newest candidates.
    public sealed class State
    {
        public Dictionary<string, (TopicLink? Previous, TopicLink? Next)> Neighbours { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Candidate[]> Candidates { get; } = new(StringComparer.Ordinal);

        // Counting arrays, one per thread at a time, so counting allocates nothing per topic.
        internal ConcurrentBag<Dictionary<string, int>> Counts { get; } = [];
    }

    private static string NeighbourKey(string lang, string url) => $"n\0{lang}\0{url}";

    private static string TagKey(string lang, string tag) => $"t\0{lang}\0{tag}";

    protected override State Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var state = new State();
        var topics = inputs.Where(d => d.Get<PageKind>(Keys.Kind) == PageKind.Topic);
        foreach (var language in topics.GroupBy(d => d.Require<string>(Keys.Lang), StringComparer.Ordinal))
        {
            var entries = language.Select(d => (Order: d.Require<TopicOrder>(Keys.TopicOrder), Url: d.Require<string>(Keys.Url))).ToList();
            foreach (var edition in entries.GroupBy(e => e.Order.Edition))
            {
                var ordered = TopicOrder.Reading(edition, e => e.Order, e => e.Url).ToList();
                for (var i = 0; i < ordered.Count; i++)
                {
                    state.Neighbours[NeighbourKey(language.Key, ordered[i].Url)] = (
                        i > 0 ? new TopicLink(ordered[i - 1].Url, "") : null,
                        i < ordered.Count - 1 ? new TopicLink(ordered[i + 1].Url, "") : null);
                }
            }

            // Newest first, so the candidates read per tag are the most recent ones.
            foreach (var tag in entries.SelectMany(e => e.Order.Tags.Distinct().Select(t => (Tag: t, Entry: e))).GroupBy(p => p.Tag, StringComparer.Ordinal))
            {
                state.Candidates[TagKey(language.Key, tag.Key)] = [.. TopicOrder.Newest(tag.Select(p => p.Entry), e => e.Order.Date, e => e.Url)
                    .Take(CandidatesPerTag).Select(e => new Candidate(e.Url, e.Order.Date))];
            }
        }

        return state;
    }

    protected override object? Lookup(string key, State state) =>
        key[0] == 'n' ? state.Neighbours.GetValueOrDefault(key) : state.Candidates.GetValueOrDefault(key);

    protected override Document? Execute(Document doc, State state, BuildContext context)
    {
        if (doc.Get<PageKind>(Keys.Kind) != PageKind.Topic)
            return doc;
        var lang = doc.Require<string>(Keys.Lang);
        var url = doc.Require<string>(Keys.Url);
        var neighbourKey = NeighbourKey(lang, url);
        var (previous, next) = state.Neighbours.GetValueOrDefault(neighbourKey);
        context.DependOn(neighbourKey, state.Neighbours.GetValueOrDefault(neighbourKey));
        return doc.With([
            new(Keys.Previous, previous),
            new(Keys.Next, next),
            new(Keys.Related, Related(doc.Require<TopicOrder>(Keys.TopicOrder), lang, url, state, context)),
        ]);
    }

    /// The <see cref="RelatedCount"/> best candidates (most shared tags, then newest, then by
    /// URL) in one pass with a small insertion buffer: no sort of every candidate.
    private static IReadOnlyList<TopicLink> Related(TopicOrder order, string lang, string url, State state, BuildContext context)
    {
        var counts = state.Counts.TryTake(out var kept) ? kept : new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new List<Candidate>();
        foreach (var tag in order.Tags.Distinct())
        {
            var key = TagKey(lang, tag);
            var candidates = state.Candidates.GetValueOrDefault(key) ?? [];
            context.DependOn(key, state.Candidates.GetValueOrDefault(key));
            foreach (var candidate in candidates)
            {
                if (candidate.Url == url)
                    continue;
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, candidate.Url, out var exists);
                if (!exists)
                    seen.Add(candidate);
                count++;
            }
        }

        var best = new List<(Candidate Candidate, int Shared)>(RelatedCount + 1);
        foreach (var candidate in seen)
        {
            var entry = (candidate, counts[candidate.Url]);
            var index = best.Count;
            while (index > 0 && Better(entry, best[index - 1]))
                index--;
            if (index >= RelatedCount)
                continue;
            best.Insert(index, entry);
            if (best.Count > RelatedCount)
                best.RemoveAt(RelatedCount);
        }

        counts.Clear();
        state.Counts.Add(counts);
        // Titled by NameTopicLinks, which records which titles each page shows.
        return [.. best.Select(b => new TopicLink(b.Candidate.Url, ""))];
    }

    private static bool Better((Candidate Candidate, int Shared) a, (Candidate Candidate, int Shared) b)
    {
        if (a.Shared != b.Shared)
            return a.Shared > b.Shared;
        var byDate = Nullable.Compare(a.Candidate.Date, b.Candidate.Date);
        return byDate != 0 ? byDate > 0 : string.CompareOrdinal(a.Candidate.Url, b.Candidate.Url) < 0;
    }
}
