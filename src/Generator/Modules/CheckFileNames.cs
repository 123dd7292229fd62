using System.Text;
using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Modules;

/// A file's name becomes its URL, so a name that cannot be one is refused with a name that
/// can (issue 13): '#' and '?' would cut the URL short, '%' would be read as an escape, and
/// a backslash is a folder separator to Windows and to browsers, an unprintable character (an ESC pasted into a name) has no place in a URL, a feed or a
/// terminal. Spaces and non-ASCII letters are fine: every URL is percent-encoded by
/// SitePaths.Encode. A name starting with a dot (".md", "..md") is hidden from most tools
/// and is not published: a warning says so instead of leaving it out without a word.
public sealed class CheckFileNames : DocumentModule
{
    /// Editors' lock files (Emacs writes ".#topic.md", a link to nowhere) are never read nor reported.
    public static bool IsEditorLock(string relative) =>
        relative[(relative.LastIndexOf('/') + 1)..].StartsWith(".#", StringComparison.Ordinal);

    /// Whether a build reads the file at <paramref name="relative"/> (in the input folder) to
    /// say something about it: a Markdown file named with a leading dot, in a visible folder.
    public static bool ReportsHidden(string relative)
    {
        var slash = relative.LastIndexOf('/');
        return relative[(slash + 1)..].StartsWith('.') && !IsEditorLock(relative)
            && ReportNonMarkdown.IsMarkdown(relative)
            && !relative[..Math.Max(slash, 0)].Split('/').Any(s => s.StartsWith('.'));
    }

    protected override Document? Execute(Document input, BuildContext context) => Check(input, context);

    private static Document? Check(Document doc, BuildContext context)
    {
        var relative = doc.Require<string>(ReadFiles.RelativePathKey);
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        if (Unprintable.IndexOf(relative) is var at && at >= 0)
        {
            context.Error(DiagnosticCodes.BadFileName, doc.At(),
                $"the name contains {Unprintable.Describe(relative, at)}, which cannot stand in a URL; rename it{Suggest(relative)}");
            return null;
        }

        if (relative.IndexOfAny(['#', '?', '%', '\\']) is var bad && bad >= 0)
        {
            context.Error(DiagnosticCodes.BadFileName, doc.At(),
                $"the name contains '{relative[bad]}', which cannot stand in a URL; rename it{Suggest(relative)}");
            return null;
        }

        if (DecomposedAt(relative) is var mark && mark > 0)
        {
            context.Warning(DiagnosticCodes.BadFileName, doc.At(),
                $"the name is in decomposed Unicode ('{relative[mark - 1]}' followed by the combining U+{(int)relative[mark]:X4}, as macOS and some zip tools write names): " +
                "it looks like the composed letter but its URL differs from a link typed with it, and from a file named with it; rename the file, typing the letter again");
        }

        if (name.StartsWith('.'))
        {
            context.Warning(DiagnosticCodes.BadFileName, doc.At(),
                $"the name starts with a dot, which hides the file, and it is not published; rename it{Suggest(relative)}");
            return null;
        }

        return doc;
    }

    /// The index of a combining accent (U+0300–U+036F) or kana voicing mark (U+3099, U+309A)
    /// that follows a letter: the decomposed form (NFD) of é or が, which the composed form
    /// (NFC) an editor types would write as one character. 0 when there is none. The build
    /// runs without ICU (InvariantGlobalization), so string.Normalize cannot be asked.
    private static int DecomposedAt(string relative)
    {
        for (var i = 1; i < relative.Length; i++)
        {
            if (relative[i] is (>= '\u0300' and <= '\u036F') or '\u3099' or '\u309A' && char.IsLetter(relative[i - 1]))
                return i;
        }

        return 0;
    }

    /// " to 'water-and-sanitation.md'": each character that cannot stand in a URL (and a
    /// leading dot) turned into a hyphen, hyphens not doubled; the whole path when a folder
    /// name needs the change too.
    private static string Suggest(string relative)
    {
        var segments = relative.Split('/');
        var name = segments[^1];
        var extension = Path.GetExtension(name);
        var stem = Clean(name[..^extension.Length]);
        if (stem.Length == 0)
            return $", for example to 'page{extension}'";
        var folders = segments[..^1];
        var cleanFolders = folders.Select(Clean).ToArray();
        return folders.SequenceEqual(cleanFolders, StringComparer.Ordinal) || cleanFolders.Any(f => f.Length == 0)
            ? $" to '{stem}{extension}'"
            : $" to '{string.Join('/', cleanFolders)}/{stem}{extension}'";
    }

    private static string Clean(string segment)
    {
        var clean = new StringBuilder(segment.Length);
        foreach (var c in Unprintable.Replace(segment, "-"))
        {
            var keep = c is '#' or '?' or '%' or '\\' ? '-' : c;
            if (keep == '-' && (clean.Length == 0 || clean[^1] == '-'))
                continue;
            clean.Append(keep);
        }

        return clean.ToString().Trim('-', '.', ' ');
    }
}
