namespace Generator.Preview;

/// One file of the previewed site: generated text, or a file copied as it is.
public sealed record PreviewFile(string? Content, string? SourceFile);
