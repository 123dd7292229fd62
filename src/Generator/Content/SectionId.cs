namespace Generator.Content;

/// A heading's level and fragment id; <paramref name="Explicit"/> when the file wrote it
/// (<c>## Background {#context}</c>) rather than the generator deriving it from the text.
public sealed record SectionId(int Level, string Id, bool Explicit);
