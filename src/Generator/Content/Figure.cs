namespace Generator.Content;

/// A numbered photo: "Photo 1" with its caption and "Photo: UNDP".
public sealed record Figure(int Number, string Label, string Src, string Alt, string? Caption, string? Credit, string? CreditText, string Id)
{
    /// The image's pixel size when it could be read (see <see cref="ImageSizes"/>).
    public int? Width { get; init; }
    public int? Height { get; init; }

    public Figure WithSize((int Width, int Height)? size) => size is { } s ? this with { Width = s.Width, Height = s.Height } : this;
}
