using Fluid;

namespace Generator.Theme;

/// A parsed Liquid layout. <see cref="Parent"/> (from the layout's own front matter,
/// `layout: base`) receives this layout's output as <c>content</c>. <see cref="PhotoSizes"/>
/// (`photo_sizes:` in its front matter) is the <c>sizes</c> of the photos on its pages (issue 16).
public sealed record Layout(string Name, string Path, IFluidTemplate Template, string? Parent, string Source, int FirstLine)
{
    public string? PhotoSizes { get; init; }
}
