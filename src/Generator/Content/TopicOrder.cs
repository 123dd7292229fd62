using System.Collections.Immutable;

namespace Generator.Content;

/// What places a topic among the others: its edition, number, date and tags (a
/// translation's inherited ones). Neighbours and related topics are made from these alone,
/// so renaming a topic does not link every topic again.
public sealed record TopicOrder(int? Edition, int? Number, DateOnly? Date, ImmutableArray<string> Tags)
{
    public static TopicOrder Of(FrontMatter matter) => new(matter.Edition, matter.Number, matter.Date, matter.Tags);
}
