using System.Collections.Immutable;
using Generator.Content;
using Generator.Engine;
using Generator.Modules;

namespace Generator.Tests.Modules;

// Issue 3: related topics come from a tag → topics index that reads a bounded number of
// candidates per tag, so the cost never grows with the square of the number of topics.
public sealed class LinkTopicsTests
{
    [Fact]
    public async Task Related_topics_are_chosen_among_the_newest_candidates_of_each_tag_only()
    {
        // Given: the newest topic shares two tags with the oldest one, and one tag with each
        // of 2 × CandidatesPerTag topics in between (CandidatesPerTag per tag).
        var start = new DateOnly(2000, 1, 1);
        var topics = new List<Document> { Topic("oldest", start, "x", "y"), Topic("newest", start.AddDays(10_000), "x", "y") };
        for (var i = 0; i < 2 * LinkTopics.CandidatesPerTag; i++)
            topics.Add(Topic($"middle-{i:000}", start.AddDays(1 + i), i % 2 == 0 ? "x" : "y"));

        // When
        var linked = await Run(topics);

        // Then: the oldest topic is beyond the candidate window of both tags, so it is not
        // related to the newest one although it shares the most tags.
        var related = linked.Single(d => d.Get<string>(Keys.Url) == "/en/topics/2000/newest/").Require<IReadOnlyList<TopicLink>>(Keys.Related);
        Assert.Equal(LinkTopics.RelatedCount, related.Count);
        Assert.DoesNotContain(related, r => r.Title == "oldest");
        Assert.Equal(["middle-399", "middle-398", "middle-397", "middle-396", "middle-395"], related.Select(r => r.Title));
    }

    [Fact]
    public async Task Topics_share_most_tags_first_and_never_relate_to_themselves()
    {
        // Given
        var date = new DateOnly(2022, 1, 1);
        var topics = new List<Document> { Topic("a", date, "x", "y"), Topic("b", date, "x", "y"), Topic("c", date.AddDays(1), "x"), Topic("d", date, "z") };

        // When
        var linked = await Run(topics);

        // Then
        var related = linked.Single(d => d.Get<string>(Keys.Url) == "/en/topics/2000/a/").Require<IReadOnlyList<TopicLink>>(Keys.Related);
        Assert.Equal(["b", "c"], related.Select(r => r.Title));
    }

    private static async Task<IReadOnlyList<Document>> Run(List<Document> topics)
    {
        var result = await new Engine.Engine([
            new Pipeline("Content") { Process = { new Seed(topics), new SetTopicOrder(), new LinkTopics(), new NameTopicLinks() } },
        ]).RunAsync(new EngineOptions());
        Assert.Empty(result.Bugs);
        return result.Outputs["Content"];
    }

    private static Document Topic(string slug, DateOnly date, params string[] tags) =>
        new Document { Destination = $"en/topics/2000/{slug}/index.html" }.With([
            new(Keys.Kind, PageKind.Topic),
            new(Keys.Lang, "en"),
            new(Keys.Url, $"/en/topics/2000/{slug}/"),
            new(Keys.FrontMatter, new FrontMatter { Title = slug, Date = date, Edition = 2000, Tags = [.. tags] }),
        ]);

    private sealed class Seed(IReadOnlyList<Document> documents) : IModule
    {
        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
            Task.FromResult(documents);
    }
}
