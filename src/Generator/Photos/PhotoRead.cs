namespace Generator.Photos;

/// What a build knows of a photo's original: its header and the SHA-256 of its bytes (hex,
/// the cache's key), or why it cannot be used.
public sealed record PhotoRead(PhotoHeader? Header, PhotoProblem? Problem, string? Hash);
