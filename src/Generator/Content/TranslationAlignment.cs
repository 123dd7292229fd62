using DiffPlex.Model;

namespace Generator.Content;

/// How an original and its translation line up, block by block, and what changed in the
/// original since the translation was marked: one row per block, in reading order (the
/// front matter's fields first, then the body). The one place that decides "the block that
/// corresponds": `check --translations` words its warnings from these rows
/// (<see cref="TranslationChanges"/>) and preview's side-by-side view shows them.
///
/// Blocks of the original as recorded pair with its blocks now by their hashes, so a moved
/// or edited paragraph is one change (<see cref="BlockChange.Moved"/>, <see
/// cref="BlockChange.Changed"/>), not a cascade; the recorded original pairs with the
/// translation by structure: front-matter fields by name, body blocks by kind and order (a
/// heading only with a heading of its level, so sections stay aligned).
public sealed record TranslationAlignment(IReadOnlyList<AlignedBlock> Rows)
{
    /// <paramref name="recorded"/>: the original's blocks when the translation was marked
    /// (its current blocks when it is up to date, or when nothing was recorded).
    public static TranslationAlignment Of(
        IReadOnlyList<TranslationBlock> recorded, IReadOnlyList<TranslationBlock> current, IReadOnlyList<TranslationBlock> translation)
    {
        var rows = new List<AlignedBlock>();

        // Front-matter fields pair by name.
        var oldFields = ByKind(recorded.Where(b => b.IsField));
        var newFields = ByKind(current.Where(b => b.IsField));
        var theirFields = ByKind(translation.Where(b => b.IsField));
        foreach (var now in current.Where(b => b.IsField))
        {
            var was = oldFields.GetValueOrDefault(now.Kind);
            var change = was is null ? BlockChange.Added : was.Hash != now.Hash ? BlockChange.Changed : BlockChange.Same;
            rows.Add(new AlignedBlock(change, was, now, theirFields.GetValueOrDefault(now.Kind)));
        }

        foreach (var was in recorded.Where(b => b.IsField && !newFields.ContainsKey(b.Kind)))
            rows.Add(new AlignedBlock(BlockChange.Removed, was, null, theirFields.GetValueOrDefault(was.Kind)));
        foreach (var extra in translation.Where(b => b.IsField && !newFields.ContainsKey(b.Kind) && !oldFields.ContainsKey(b.Kind)))
            rows.Add(new AlignedBlock(BlockChange.Extra, null, null, extra));

        // Body blocks: old and new original by hash, old original and translation by kind.
        var oldBody = recorded.Where(b => !b.IsField).ToList();
        var newBody = current.Where(b => !b.IsField).ToList();
        var theirBody = translation.Where(b => !b.IsField).ToList();
        var partners = StructureAlignment.Of([.. oldBody.Select(b => b.Kind)], [.. theirBody.Select(b => b.Kind)]).SameNowToOld
            .ToDictionary(p => p.Value, p => p.Key); // old original index → translation index
        var (_, edits) = StructureAlignment.Of([.. oldBody.Select(b => b.Hash)], [.. newBody.Select(b => b.Hash)]);

        // A block deleted in one place and inserted with the same kind and hash in another
        // (anywhere in the file) moved: one change, and neither half pairs with another block.
        var movedFrom = new Dictionary<int, int>(); // new index → old index
        var movedAway = new HashSet<int>();
        var allDeleted = edits.SelectMany(e => Enumerable.Range(e.DeleteStartA, e.DeleteCountA)).ToList();
        foreach (var n in edits.SelectMany(e => Enumerable.Range(e.InsertStartB, e.InsertCountB)))
        {
            var d = allDeleted.FirstOrDefault(d => !movedAway.Contains(d) && oldBody[d].Hash == newBody[n].Hash && oldBody[d].Kind == newBody[n].Kind, -1);
            if (d < 0)
                continue;
            movedFrom[n] = d;
            movedAway.Add(d);
        }

        // The original's rows in order: (old index, new index, change).
        var original = new List<(int Old, int New, BlockChange Change)>();
        var (i, j) = (0, 0);
        foreach (var edit in edits.Append(new DiffBlock(oldBody.Count, 0, newBody.Count, 0)))
        {
            while (i < edit.DeleteStartA && j < edit.InsertStartB)
                original.Add((i++, j++, BlockChange.Same));
            var deleted = Enumerable.Range(edit.DeleteStartA, edit.DeleteCountA).Where(d => !movedAway.Contains(d)).ToList();
            var inserted = Enumerable.Range(edit.InsertStartB, edit.InsertCountB).Where(n => !movedFrom.ContainsKey(n)).ToList();

            // Within an edit, a deleted block and an inserted one of the same kind, in order,
            // are one block changed.
            var paired = new Dictionary<int, int>(); // new index → old index
            var next = 0;
            foreach (var d in deleted)
            {
                var match = inserted.Skip(next).Select((n, k) => (n, k)).FirstOrDefault(x => newBody[x.n].Kind == oldBody[d].Kind, (n: -1, k: -1));
                if (match.n < 0)
                    continue;
                paired[match.n] = d;
                next += match.k + 1;
            }

            var removed = new Queue<int>(deleted.Where(d => !paired.ContainsValue(d)));
            foreach (var n in Enumerable.Range(edit.InsertStartB, edit.InsertCountB))
            {
                if (movedFrom.TryGetValue(n, out var from))
                    original.Add((from, n, BlockChange.Moved));
                else if (paired.TryGetValue(n, out var d))
                {
                    while (removed.Count > 0 && removed.Peek() < d)
                        original.Add((removed.Dequeue(), -1, BlockChange.Removed));
                    original.Add((d, n, BlockChange.Changed));
                }
                else
                {
                    original.Add((-1, n, BlockChange.Added));
                }
            }

            while (removed.Count > 0)
                original.Add((removed.Dequeue(), -1, BlockChange.Removed));
            i = edit.DeleteStartA + edit.DeleteCountA;
            j = edit.InsertStartB + edit.InsertCountB;
        }

        // The translation's blocks that no block of the original pairs with go where they
        // stand in the translation, between the rows of their neighbours.
        var partnered = partners.Values.ToHashSet();
        var nextTheirs = 0;
        void ExtrasBefore(int until)
        {
            for (; nextTheirs < until; nextTheirs++)
            {
                if (!partnered.Contains(nextTheirs))
                    rows.Add(new AlignedBlock(BlockChange.Extra, null, null, theirBody[nextTheirs]));
            }
        }

        foreach (var (old, now, change) in original)
        {
            TranslationBlock? theirs = null;
            if (old >= 0 && partners.TryGetValue(old, out var t))
            {
                // A moved block's translation is still where the block was: it does not
                // decide where the extras go.
                if (change != BlockChange.Moved)
                {
                    ExtrasBefore(t);
                    nextTheirs = Math.Max(nextTheirs, t + 1);
                }

                theirs = theirBody[t];
            }

            rows.Add(new AlignedBlock(change, old >= 0 ? oldBody[old] : null, now >= 0 ? newBody[now] : null, theirs));
        }

        ExtrasBefore(theirBody.Count);
        return new TranslationAlignment(rows);
    }

    /// The blocks of the original that changed since the translation was marked.
    public int ChangeCount => Rows.Count(r => r.Change is BlockChange.Changed or BlockChange.Added or BlockChange.Removed or BlockChange.Moved);

    private static Dictionary<string, TranslationBlock> ByKind(IEnumerable<TranslationBlock> blocks)
    {
        var byKind = new Dictionary<string, TranslationBlock>(StringComparer.Ordinal);
        foreach (var block in blocks)
            byKind.TryAdd(block.Kind, block);
        return byKind;
    }
}

/// One row of a <see cref="TranslationAlignment"/>: the original's block as recorded
/// (<see cref="Was"/>) and now (<see cref="Now"/>), and the translation's block that
/// corresponds (null where the structures diverge or the block is new).
public sealed record AlignedBlock(BlockChange Change, TranslationBlock? Was, TranslationBlock? Now, TranslationBlock? Translation);

public enum BlockChange
{
    /// The original's block is as it was when the translation was marked.
    Same,

    /// The original's block was edited since (Was and Now are both there).
    Changed,

    /// The original's block is new since (no Was).
    Added,

    /// The original's block was there when the translation was marked and is gone (no Now).
    Removed,

    /// The original's block is unchanged but elsewhere (Was and Now are both there, with
    /// the same text; the row stands where the block is now).
    Moved,

    /// A block of the translation that no block of the original corresponds to.
    Extra,
}
