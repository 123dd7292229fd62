namespace Generator.Engine;

/// A whole-list module that reads only the named metadata of its inputs (pairing pages,
/// linking neighbours) and adds or replaces metadata per document. The engine gives it
/// its inputs with only those keys (and no content), and applies what it changed to the
/// real documents, so a session runs it again only when one of those keys changed
/// somewhere, and a body edit passes by. It is given the projection in every build, so
/// a key it reads without declaring it fails the same way with or without a session.
public interface IReadsKeys : IModule
{
    IReadOnlyList<string> Reads { get; }
}
