using Generator.Engine;

namespace Generator.Content;

/// One entry of a page's change history (front matter `changes:`): the day a change that
/// matters to readers was published, and what changed, in the page's language. A typo fix
/// needs no entry. <see cref="At"/> is where its date is written, for diagnostics.
public sealed record ChangeEntry(DateOnly Date, string Note, SourcePosition At);
