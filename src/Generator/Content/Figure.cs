namespace Generator.Content;

/// A numbered photo: "Photo 1" with its caption and "Photo: UNDP".
public sealed record Figure(int Number, string Label, string Src, string Alt, string? Caption, string? Credit, string? CreditText, string Id);
