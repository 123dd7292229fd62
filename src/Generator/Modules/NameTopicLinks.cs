using Generator.Content;
using Generator.Engine;

namespace Generator.Modules;

/// Gives the previous, next and related links that <see cref="LinkTopics"/> made their
/// topics' titles. Each page depends on the titles it shows only, so renaming a topic
/// names it again on the pages that link to it and nowhere else.
public sealed class NameTopicLinks : DocumentModule<IReadOnlyDictionary<string, string>>
{
    protected override IReadOnlyList<string> PrepareReads { get; } = [Keys.Kind, Keys.Url, Keys.FrontMatter];

    protected override IReadOnlyDictionary<string, string> Prepare(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in inputs.Where(d => d.Get<PageKind>(Keys.Kind) == PageKind.Topic))
            titles.TryAdd(doc.Require<string>(Keys.Url), doc.Require<FrontMatter>(Keys.FrontMatter).Title ?? "");
        return titles;
    }

    protected override object? Lookup(string key, IReadOnlyDictionary<string, string> titles) => titles.GetValueOrDefault(key);

    protected override Document? Execute(Document input, IReadOnlyDictionary<string, string> titles, BuildContext context)
    {
        if (input.Get<PageKind>(Keys.Kind) != PageKind.Topic)
            return input;

        TopicLink? Named(TopicLink? link)
        {
            if (link is null)
                return null;
            var title = titles.GetValueOrDefault(link.Url) ?? "";
            context.DependOn(link.Url, title);
            return link with { Title = title };
        }

        return input.With([
            new(Keys.Previous, Named(input.Get<TopicLink>(Keys.Previous))),
            new(Keys.Next, Named(input.Get<TopicLink>(Keys.Next))),
            new(Keys.Related, (IReadOnlyList<TopicLink>)[.. (input.Get<IReadOnlyList<TopicLink>>(Keys.Related) ?? []).Select(l => Named(l)!)]),
        ]);
    }
}
