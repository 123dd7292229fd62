namespace Generator.Photos;

/// What a photo's header says, read without decoding its pixels. <see cref="Width"/> and
/// <see cref="Height"/> are as shown, after the Exif orientation is applied.
public sealed record PhotoHeader(PhotoFormat Format, int Width, int Height, bool HasGps);

/// Why a photo cannot be used, for a diagnostic at the place that shows it.
public sealed record PhotoProblem(string Code, string Message);
