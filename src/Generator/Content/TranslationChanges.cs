using System.Text;
using DiffPlex;
using Generator.Engine;

namespace Generator.Content;

/// What changed in an original since its translation was marked, block by block: each
/// block of the original added, removed, moved or changed (with a word-level diff of the old and
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
        string translationSource, IReadOnlyList<TranslationBlock> translation) =>
        Of(originalSource, TranslationAlignment.Of(recorded, current, translation), translationSource);

    /// The warnings for the rows of <paramref name="alignment"/> that changed.
    public static IReadOnlyList<Diagnostic> Of(string originalSource, TranslationAlignment alignment, string translationSource)
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

        var firstTheirs = alignment.Rows.Select(r => r.Translation).FirstOrDefault(t => t is { IsField: false });
        for (var r = 0; r < alignment.Rows.Count; r++)
        {
            var row = alignment.Rows[r];
            switch (row.Change)
            {
                case BlockChange.Changed:
                    Changed(row.Was!, row.Now!, row.Translation);
                    break;
                case BlockChange.Added when row.Now!.IsField:
                    Added(row.Now, row.Translation is { } there ? $"in place of the old text at {At(translationSource, there)}" : $"as '{row.Now.Kind}' in the front matter of {translationSource}");
                    break;
                case BlockChange.Added:
                    Added(row.Now, Where(r));
                    break;
                case BlockChange.Removed:
                    Removed(row.Was!, row.Translation);
                    break;
                case BlockChange.Moved:
                    changes.Add(new(DiagnosticCodes.TranslationBlockMoved, Severity.Warning, new SourcePosition(originalSource, row.Now!.Line, 1),
                        $"{Describe(row.Now)} moved since {translationSource} was marked (its text is unchanged): \"{Shorten(row.Now.Text)}\"; "
                        + (row.Translation is { } moved
                            ? $"move its translation {At(translationSource, moved)} {Where(r)}"
                            : $"no block of {translationSource} corresponds (its structure differs here), so move its translation by hand {Where(r)}")));
                    break;
            }
        }

        return [.. changes.OrderBy(c => c.Position!.Value.Path, StringComparer.Ordinal).ThenBy(c => c.Position!.Value.Line)];

        // Where an added block goes: after the translation of the nearest kept block before it.
        string Where(int row)
        {
            for (var r = row - 1; r >= 0; r--)
            {
                if (alignment.Rows[r] is { Was: { IsField: false }, Now: not null, Translation: { } t })
                    return $"after {At(translationSource, t)}";
            }

            return firstTheirs is not null ? $"before {At(translationSource, firstTheirs)}" : $"in the body of {translationSource}";
        }
    }

    /// "[-old words-]{+new words+}" around the unchanged words, as `git diff --word-diff`
    /// prints it, with long unchanged runs shortened.
    public static string WordDiff(string old, string now)
    {
        var pieces = WordPieces(old, now);
        var text = new StringBuilder();
        for (var p = 0; p < pieces.Count; p++)
        {
            var (kind, words) = pieces[p];
            switch (kind)
            {
                case WordChange.Same:
                    IReadOnlyList<string> run = words;
                    if (run.Count > 2 * Context)
                        run = [.. p == 0 ? [] : run.Take(Context), "…", .. p == pieces.Count - 1 ? [] : run.TakeLast(Context)];
                    text.AppendJoin(' ', run).Append(' ');
                    break;
                case WordChange.Deleted:
                    text.Append("[-").AppendJoin(' ', words).Append("-]");
                    if (p + 1 >= pieces.Count || pieces[p + 1].Change != WordChange.Inserted)
                        text.Append(' ');
                    break;
                case WordChange.Inserted:
                    text.Append("{+").AppendJoin(' ', words).Append("+} ");
                    break;
            }
        }

        return text.ToString().TrimEnd();
    }

    /// The words of <paramref name="old"/> and <paramref name="now"/> as runs: unchanged,
    /// deleted (only in old) and inserted (only in now), in reading order; a replacement is
    /// its deleted run followed by its inserted one.
    public static IReadOnlyList<(WordChange Change, IReadOnlyList<string> Words)> WordPieces(string old, string now)
    {
        var result = Differ.Instance.CreateDiffs(old, now, false, false, Words.Instance);
        var pieces = new List<(WordChange, IReadOnlyList<string>)>();
        var i = 0;
        void Same(int until)
        {
            if (until > i)
                pieces.Add((WordChange.Same, [.. result.PiecesOld.Skip(i).Take(until - i)]));
            i = Math.Max(i, until);
        }

        foreach (var edit in result.DiffBlocks)
        {
            Same(edit.DeleteStartA);
            if (edit.DeleteCountA > 0)
                pieces.Add((WordChange.Deleted, [.. result.PiecesOld.Skip(edit.DeleteStartA).Take(edit.DeleteCountA)]));
            if (edit.InsertCountB > 0)
                pieces.Add((WordChange.Inserted, [.. result.PiecesNew.Skip(edit.InsertStartB).Take(edit.InsertCountB)]));
            i = edit.DeleteStartA + edit.DeleteCountA;
        }

        Same(result.PiecesOld.Count);
        return pieces;
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

/// A run of words in <see cref="TranslationChanges.WordPieces"/>.
public enum WordChange
{
    Same,
    Deleted,
    Inserted,
}
