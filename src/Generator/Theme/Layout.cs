using Fluid;

namespace Generator.Theme;

/// A parsed Liquid layout. <see cref="Parent"/> (from the layout's own front matter,
/// `layout: base`) receives this layout's output as <c>content</c>.
public sealed record Layout(string Name, string Path, IFluidTemplate Template, string? Parent, string Source, int FirstLine);
