namespace Generator.Theme;

/// Why a page's layout failed: the layout (path, first line and text, to find the culprit's
/// position) and Fluid's message.
public sealed record LayoutFailure(string Path, int FirstLine, string Source, string Message);
