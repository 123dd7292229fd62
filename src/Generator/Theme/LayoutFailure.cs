namespace Generator.Theme;

/// Why a page's layout failed: the layout (path, first line and text, to find the culprit's
/// position) and Fluid's message. <paramref name="Explained"/>: its cause is an error reported
/// elsewhere (a partial that did not parse, at the partial), so it is not reported again.
public sealed record LayoutFailure(string Path, int FirstLine, string Source, string Message, bool Explained = false);
