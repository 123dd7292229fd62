using Generator.Engine;

namespace Generator.Content;

/// A link or image target found in a page, resolved to a site path ("/en/x/", "/assets/a.jpg"),
/// checked once every pipeline has made its pages. <paramref name="Fragment"/> is the id
/// after '#' (unescaped), checked against the ids of the target page.
public sealed record LinkReference(string Target, string Written, bool IsImage, SourcePosition At, string? Fragment = null);
