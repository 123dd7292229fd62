namespace Generator.Preview;

/// One file of the previewed site: generated text, or a file served as it is; a photo's
/// derivative not in the image cache yet also says how to make it (issue 16).
public sealed record PreviewFile(string? Content, string? SourceFile, Photos.DerivativeRequest? OnRequest = null);
