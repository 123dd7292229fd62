using Generator.Content;
using Generator.Engine;

namespace Generator.Modules;

/// Links each topic to its neighbours in the same edition and language (previous/next by
/// topic number) and to related topics: those sharing the most tags. Related topics come
/// from an inverted index tag → topics, reading at most <see cref="CandidatesPerTag"/>
/// topics per tag, so the cost grows with the number of topics, never with its square.
public sealed class LinkTopics : IReadsKeys
{
    public IReadOnlyList<string> Reads { get; } = [Keys.TopicOrder, Keys.Kind, Keys.Lang, Keys.Url];

    public const int CandidatesPerTag = 200;
    public const int RelatedCount = 5;

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var topics = inputs.Where(d => d.Get<PageKind>(Keys.Kind) == PageKind.Topic).ToList();
        var links = new Dictionary<Document, List<KeyValuePair<string, object?>>>(ReferenceEqualityComparer.Instance);
        foreach (var language in topics.GroupBy(d => d.Require<string>(Keys.Lang), StringComparer.Ordinal))
        {
            var entries = language.Select(d => new Entry(d, d.Require<TopicOrder>(Keys.TopicOrder))).ToList();
            foreach (var (doc, items) in Link(entries, context.CancellationToken))
                links[doc] = items;
        }

        var outputs = inputs.Select(d => links.TryGetValue(d, out var items) ? d.With(items) : d).ToList();
        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    private static Dictionary<Document, List<KeyValuePair<string, object?>>> Link(List<Entry> entries, CancellationToken cancel)
    {
        var links = new Dictionary<Document, List<KeyValuePair<string, object?>>>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
            links[entry.Doc] = [];
        LinkNeighbours(entries, links);
        LinkRelated(entries, links, cancel);
        return links;
    }

    private static void LinkNeighbours(List<Entry> entries, Dictionary<Document, List<KeyValuePair<string, object?>>> links)
    {
        foreach (var edition in entries.GroupBy(e => e.Matter.Edition))
        {
            var ordered = TopicOrder.Reading(edition, e => e.Matter, e => e.Url).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var items = links[ordered[i].Doc];
                items.Add(new(Keys.Previous, i > 0 ? ordered[i - 1].Link : null));
                items.Add(new(Keys.Next, i < ordered.Count - 1 ? ordered[i + 1].Link : null));
            }
        }
    }

    private static void LinkRelated(List<Entry> entries, Dictionary<Document, List<KeyValuePair<string, object?>>> links, CancellationToken cancel)
    {
        // Newest first, so the candidates read per tag are the most recent ones.
        var byTag = entries.SelectMany(e => e.Matter.Tags.Distinct().Select(t => (Tag: t, Entry: e)))
            .GroupBy(p => p.Tag, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => TopicOrder.Newest(g.Select(p => p.Entry), e => e.Matter.Date, e => e.Url).ToList(),
                StringComparer.Ordinal);

        // Each topic's candidates are counted on its own, so both cores share the work; each
        // thread counts into one array over all topics (cleared after each topic), so counting
        // allocates nothing per topic.
        for (var i = 0; i < entries.Count; i++)
            entries[i].Index = i;
        var related = new IReadOnlyList<TopicLink>[entries.Count];
        Parallel.For(0, entries.Count, new ParallelOptions { CancellationToken = cancel }, () => new Counts(entries.Count), (i, _, counts) =>
        {
            var entry = entries[i];
            foreach (var tag in entry.Matter.Tags.Distinct())
            {
                var candidates = byTag[tag];
                for (var c = 0; c < candidates.Count && c < CandidatesPerTag; c++)
                {
                    if (!ReferenceEquals(candidates[c], entry))
                        counts.Add(candidates[c].Index);
                }
            }

            related[i] = Best(counts, entries);
            counts.Clear();
            return counts;
        }, _ => { });
        for (var i = 0; i < entries.Count; i++)
            links[entries[i].Doc].Add(new(Keys.Related, related[i]));
    }

    /// How many tags each candidate shares with the topic being linked, and which were counted.
    private sealed class Counts(int size)
    {
        public int[] Shared { get; } = new int[size];

        public List<int> Touched { get; } = [];

        public void Add(int index)
        {
            if (Shared[index]++ == 0)
                Touched.Add(index);
        }

        public void Clear()
        {
            foreach (var index in Touched)
                Shared[index] = 0;
            Touched.Clear();
        }
    }

    /// The <see cref="RelatedCount"/> best candidates (most shared tags, then newest, then by
    /// URL) in one pass with a small insertion buffer: no sort of every candidate.
    private static IReadOnlyList<TopicLink> Best(Counts counts, List<Entry> entries)
    {
        var best = new List<(Entry Entry, int Shared)>(RelatedCount + 1);
        foreach (var touched in counts.Touched)
        {
            var (candidate, count) = (entries[touched], counts.Shared[touched]);
            var index = best.Count;
            while (index > 0 && Better((candidate, count), best[index - 1]))
                index--;
            if (index >= RelatedCount)
                continue;
            best.Insert(index, (candidate, count));
            if (best.Count > RelatedCount)
                best.RemoveAt(RelatedCount);
        }

        return [.. best.Select(b => b.Entry.Link)];
    }

    private static bool Better((Entry Entry, int Shared) a, (Entry Entry, int Shared) b)
    {
        if (a.Shared != b.Shared)
            return a.Shared > b.Shared;
        var byDate = Nullable.Compare(a.Entry.Matter.Date, b.Entry.Matter.Date);
        return byDate != 0 ? byDate > 0 : string.CompareOrdinal(a.Entry.Url, b.Entry.Url) < 0;
    }

    private sealed class Entry(Document doc, TopicOrder matter)
    {
        public Document Doc { get; } = doc;
        public TopicOrder Matter { get; } = matter;
        public string Url { get; } = doc.Require<string>(Keys.Url);

        /// Its place among the language's topics, where the counts of shared tags are kept.
        public int Index { get; set; }

        // Titled by NameTopicLinks, which records which titles each page shows.
        public TopicLink Link => new(Url, "");
    }
}
