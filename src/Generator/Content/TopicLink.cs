namespace Generator.Content;

/// A link to another topic: its site path (without the base path) and title.
public sealed record TopicLink(string Url, string Title);
