namespace Generator.Photos;

/// A derivative preview encodes when it is first requested (issue 16): which original (and
/// the bytes the page was built from, by hash), which of its widths and format, and the
/// cache file it is stored as. On a derivative document of a preview build whose file is
/// not in the cache yet.
public sealed record DerivativeRequest(string Original, string Hash, PhotoHeader Header, IReadOnlyList<int> Widths, int Width, PhotoFormat Format, string CacheFile);
