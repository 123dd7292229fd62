using Generator.Engine;

namespace Generator.Content;

/// One photo of a topic's <c>images</c> list (or a Markdown figure).
public sealed record ImageEntry(string Src, string Alt, string? Caption, string? Credit, SourcePosition At);
