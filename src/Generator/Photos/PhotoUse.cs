using Generator.Engine;

namespace Generator.Photos;

/// A page shows the photo in <paramref name="File"/> (absolute), published from
/// <paramref name="SitePath"/> ("assets/images/2022/well.jpg"), named at <paramref name="At"/>.
/// RenderMarkdown records them; the Assets pipeline makes each photo's derivatives once and
/// reports a photo it cannot decode at every place that names it.
public sealed record PhotoUse(string File, string SitePath, SourcePosition At);
