using DiffPlex;
using DiffPlex.Model;

namespace Generator.Content;

/// Pairs two sequences by the longest run of equal items in order (DiffPlex's diff): block
/// hashes of an original then and now, block kinds of an original and its translation,
/// heading levels of both. One place, so what "the corresponding block" means is the same
/// in `check --translations` and in the translation's section ids.
public static class StructureAlignment
{
    /// Index in <paramref name="now"/> → index in <paramref name="old"/> of every item left
    /// in place, and the edits between them (deleted from old, inserted in now).
    public static (Dictionary<int, int> SameNowToOld, IReadOnlyList<DiffBlock> Edits) Of(IReadOnlyList<string> old, IReadOnlyList<string> now)
    {
        var result = Differ.Instance.CreateDiffs(string.Join('\n', old), string.Join('\n', now), false, false, Lines.Instance);
        var same = new Dictionary<int, int>();
        var (i, j) = (0, 0);
        foreach (var edit in result.DiffBlocks.Append(new DiffBlock(old.Count, 0, now.Count, 0)))
        {
            while (i < edit.DeleteStartA && j < edit.InsertStartB)
                same[j++] = i++;
            i = edit.DeleteStartA + edit.DeleteCountA;
            j = edit.InsertStartB + edit.InsertCountB;
        }

        return (same, [.. result.DiffBlocks]);
    }

    /// Items are one line each; an empty sequence has no lines.
    private sealed class Lines : IChunker
    {
        public static readonly Lines Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split('\n');
    }
}
