namespace Generator.Photos;

/// A photo's responsive sources: one srcset per format (best first, the last one the
/// &lt;img&gt;'s own), the layout's <c>sizes</c> for it, and the original's shown size.
public sealed record Picture(IReadOnlyList<PictureSource> Sources, string Sizes, int Width, int Height);

/// One format's candidates: <c>image/avif</c>, "/assets/a-480w.avif 480w, /assets/a-800w.avif 800w".
public sealed record PictureSource(string Type, string SrcSet);
