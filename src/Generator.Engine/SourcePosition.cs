namespace Generator.Engine;

/// A 1-based position in a file; <see cref="Path"/> is relative to the site root with '/'.
public readonly record struct SourcePosition(string Path, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{Path}({Line},{Column})" : Path;
}
