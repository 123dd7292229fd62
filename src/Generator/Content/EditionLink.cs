namespace Generator.Content;

/// A link to a topic of another edition (superseded_by, and the topics a topic replaces):
/// its site path without the base path, title and edition year.
public sealed record EditionLink(string Url, string Title, int? Edition);
