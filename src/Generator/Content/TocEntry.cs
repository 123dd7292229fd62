namespace Generator.Content;

/// A heading of the page for its table of contents: level 2 or 3, text and fragment id.
public sealed record TocEntry(int Level, string Text, string Id);
