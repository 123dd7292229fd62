namespace Generator.Benchmarks;

/// The corpus's photos (`corpus --photos`): none, 1×1 PNGs (the default, the reference
/// corpus's shape), or real-sized deterministic JPEGs (<see cref="BenchmarkPhotos"/>).
public enum CorpusPhotos
{
    None,
    Png,
    Jpeg1600,
    Jpeg4000,
}
