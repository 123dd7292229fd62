using System.Text;
using DiffPlex;
using DiffPlex.Model;
using Generator.Engine;

namespace Generator.Content;

/// What changed in an original since its translation was marked, block by block: each
/// block of the original added, removed or changed (with a word-level diff of the old and
/// new text), and where the translation's corresponding block is. Blocks of the original
/// pair old with new by their hashes; the recorded original pairs with the translation by
/// structure: front-matter fields by name, body blocks by kind and order (a heading pairs
/// only with a heading of the same level, so sections stay aligned). A block where the
/// two structures diverge has no partner, and the message says so.
public static class TranslationChanges
{
    /// The longest old or new text quoted in a message around a change, in words.
    private const int Context = 8;

    public static IReadOnlyList<Diagnostic> Of(
        string originalSource, IReadOnlyList<TranslationBlock> recorded, IReadOnlyList<TranslationBlock> current,
        string translationSource, IReadOnlyList<TranslationBlock> translation)
    {
        var changes = new List<Diagnostic>();
        void Changed(TranslationBlock was, TranslationBlock now, TranslationBlock? partner) => changes.Add(new(DiagnosticCodes.TranslationBlockChanged, Severity.Warning,
            new SourcePosition(originalSource, now.Line, 1),
            $"{Describe(now)} changed since {translationSource} was marked: {WordDiff(was.Text, now.Text)}; {Partner(translationSource, partner)}"));
        void Added(TranslationBlock now, string where) => changes.Add(new(DiagnosticCodes.TranslationBlockAdded, Severity.Warning,
            new SourcePosition(originalSource, now.Line, 1),
            $"{Describe(now)} added since {translationSource} was marked: \"{Shorten(now.Text)}\"; translate it {where}"));
        void Removed(TranslationBlock was, TranslationBlock? partner) => changes.Add(new(DiagnosticCodes.TranslationBlockRemoved, Severity.Warning,
            partner is null ? new SourcePosition(originalSource, 1, 1) : new SourcePosition(translationSource, partner.Line, 1),
            $"{Describe(was)} removed from {originalSource} since this translation was marked: \"{Shorten(was.Text)}\"; "
            + (partner is null ? $"no block of {translationSource} corresponds, so look for its translation by hand" : "remove its translation here")));

        // Front-matter fields pair by name.
        var oldFields = recorded.Where(b => b.IsField).ToDictionary(b => b.Kind, StringComparer.Ordinal);
        var newFields = current.Where(b => b.IsField).ToDictionary(b => b.Kind, StringComparer.Ordinal);
        var theirFields = translation.Where(b => b.IsField).ToDictionary(b => b.Kind, StringComparer.Ordinal);
        foreach (var now in newFields.Values)
        {
            if (!oldFields.TryGetValue(now.Kind, out var was))
                Added(now, theirFields.TryGetValue(now.Kind, out var there) ? $"in place of the old text at {At(translationSource, there)}" : $"as '{now.Kind}' in the front matter of {translationSource}");
            else if (was.Hash != now.Hash)
                Changed(was, now, theirFields.GetValueOrDefault(now.Kind));
        }

        foreach (var was in oldFields.Values.Where(b => !newFields.ContainsKey(b.Kind)))
            Removed(was, theirFields.GetValueOrDefault(was.Kind));

        // Body blocks: old and new original by hash, old original and translation by kind.
        var oldBody = recorded.Where(b => !b.IsField).ToList();
        var newBody = current.Where(b => !b.IsField).ToList();
        var theirBody = translation.Where(b => !b.IsField).ToList();
        var partners = Align(oldBody.Select(b => b.Kind).ToList(), theirBody.Select(b => b.Kind).ToList());
        var (newToOld, edits) = StructureAlignment.Of(oldBody.Select(b => b.Hash).ToList(), newBody.Select(b => b.Hash).ToList());
        foreach (var edit in edits)
        {
            var deleted = Enumerable.Range(edit.DeleteStartA, edit.DeleteCountA).ToList();
            var inserted = Enumerable.Range(edit.InsertStartB, edit.InsertCountB).ToList();
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

            foreach (var n in inserted)
            {
                if (paired.TryGetValue(n, out var d))
                {
                    Changed(oldBody[d], newBody[n], partners.TryGetValue(d, out var t) ? theirBody[t] : null);
                    newToOld[n] = d;
                }
                else
                {
                    Added(newBody[n], Where(n));
                }
            }

            foreach (var d in deleted.Where(d => !paired.ContainsValue(d)))
                Removed(oldBody[d], partners.TryGetValue(d, out var t) ? theirBody[t] : null);
        }

        return [.. changes.OrderBy(c => c.Position!.Value.Path, StringComparer.Ordinal).ThenBy(c => c.Position!.Value.Line)];

        // Where an added block goes: after the translation of the nearest kept block before it.
        string Where(int newIndex)
        {
            for (var n = newIndex - 1; n >= 0; n--)
            {
                if (newToOld.TryGetValue(n, out var d) && partners.TryGetValue(d, out var t))
                    return $"after {At(translationSource, theirBody[t])}";
            }

            return theirBody.Count > 0 ? $"before {At(translationSource, theirBody[0])}" : $"in the body of {translationSource}";
        }
    }

    /// Old original block index → translation block index, by kind and order.
    private static Dictionary<int, int> Align(IReadOnlyList<string> originalKinds, IReadOnlyList<string> translationKinds) =>
        StructureAlignment.Of(originalKinds, translationKinds).SameNowToOld.ToDictionary(p => p.Value, p => p.Key);

    /// "[-old words-]{+new words+}" around the unchanged words, as `git diff --word-diff`
    /// prints it, with long unchanged runs shortened.
    public static string WordDiff(string old, string now)
    {
        var result = Differ.Instance.CreateDiffs(old, now, false, false, Words.Instance);
        var text = new StringBuilder();
        var (i, j) = (0, 0);
        void Same(int until)
        {
            var run = result.PiecesOld.Skip(i).Take(until - i).ToList();
            var first = i == 0;
            var last = until == result.PiecesOld.Count;
            if (run.Count > 2 * Context)
                run = [.. first ? [] : run.Take(Context), "…", .. last ? [] : run.TakeLast(Context)];
            foreach (var word in run)
                text.Append(word).Append(' ');
            j += until - i;
            i = until;
        }

        foreach (var edit in result.DiffBlocks)
        {
            Same(edit.DeleteStartA);
            if (edit.DeleteCountA > 0)
                text.Append("[-").AppendJoin(' ', result.PiecesOld.Skip(edit.DeleteStartA).Take(edit.DeleteCountA)).Append("-]");
            if (edit.InsertCountB > 0)
                text.Append("{+").AppendJoin(' ', result.PiecesNew.Skip(edit.InsertStartB).Take(edit.InsertCountB)).Append("+}");
            text.Append(' ');
            i = edit.DeleteStartA + edit.DeleteCountA;
            j = edit.InsertStartB + edit.InsertCountB;
        }

        Same(result.PiecesOld.Count);
        return text.ToString().TrimEnd();
    }

    private static string Describe(TranslationBlock block) => block.IsField ? $"'{block.Kind}'" : block.Name;

    private static string Partner(string translationSource, TranslationBlock? partner) => partner is null
        ? $"no block of {translationSource} corresponds (its structure differs here), so find its translation by hand"
        : $"its translation is {At(translationSource, partner)}";

    private static string At(string source, TranslationBlock block) => $"{source}({block.Line},1)";

    private static string Shorten(string text)
    {
        var words = text.Split(' ');
        return words.Length <= 3 * Context ? text : string.Join(' ', words.Take(3 * Context)) + " …";
    }

    /// Words separated by spaces: block texts are white-space collapsed already.
    private sealed class Words : IChunker
    {
        public static readonly Words Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
