using System.Collections.Immutable;

namespace Generator.Content;

/// What places a topic among the others: its edition, number, date and tags (a
/// translation's inherited ones). Neighbours and related topics are made from these alone,
/// so renaming a topic does not link every topic again.
public sealed record TopicOrder(int? Edition, int? Number, DateOnly? Date, ImmutableArray<string> Tags)
{
    public static TopicOrder Of(FrontMatter matter) => new(matter.Edition, matter.Number, matter.Date, matter.Tags);

    /// The one reading order of topics, for every list, neighbour link and catalog: newest
    /// edition first (topics without one last), then by number within it (unnumbered last),
    /// then by date, then by address.
    public static IOrderedEnumerable<T> Reading<T>(IEnumerable<T> items, Func<T, TopicOrder> order, Func<T, string> url) =>
        items.OrderByDescending(i => order(i).Edition ?? int.MinValue)
            .ThenBy(i => order(i).Number ?? int.MaxValue)
            .ThenBy(i => order(i).Date ?? DateOnly.MaxValue)
            .ThenBy(url, StringComparer.Ordinal);

    /// Newest first (the home page's latest topics, feeds, related topics), then by address.
    public static IOrderedEnumerable<T> Newest<T>(IEnumerable<T> items, Func<T, DateOnly?> date, Func<T, string> url) =>
        items.OrderByDescending(i => date(i) ?? DateOnly.MinValue).ThenBy(url, StringComparer.Ordinal);
}
