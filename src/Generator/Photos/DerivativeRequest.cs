namespace Generator.Photos;

/// A derivative preview encodes when it is first requested (issue 16): which original (and
/// the bytes the page was built from, by hash), which of its widths and format, and the
/// cache file it is stored as. On a derivative document of a preview build whose file is
/// not in the cache yet. Equal when every value is (the widths item by item), so two builds'
/// files compare as a preview's consistency check expects.
public sealed record DerivativeRequest(string Original, string Hash, PhotoHeader Header, IReadOnlyList<int> Widths, int Width, PhotoFormat Format, string CacheFile)
{
    public bool Equals(DerivativeRequest? other) =>
        other is not null && Original == other.Original && Hash == other.Hash && Header == other.Header && Widths.SequenceEqual(other.Widths)
        && Width == other.Width && Format == other.Format && CacheFile == other.CacheFile;

    public override int GetHashCode() => HashCode.Combine(Original, Hash, Width, Format, CacheFile);
}
