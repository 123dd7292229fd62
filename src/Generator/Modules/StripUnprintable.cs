using System.Globalization;
using Generator.Content;
using Generator.Engine;
using Generator.Engine.Modules;

namespace Generator.Modules;

/// Unprintable characters in a page's Markdown body (a pasted form feed, Word's soft line
/// break) are taken out with a warning at each, so no page, feed or search index receives
/// them (issue 13). Those in the front matter are errors, reported where the YAML is read.
public sealed class StripUnprintable : DocumentModule
{
    private const int ShownPerFile = 10;

    protected override Document? Execute(Document input, BuildContext context) => Strip(input, context);

    private static Document Strip(Document doc, BuildContext context)
    {
        // Without front matter the page gets that one error: stripping could even make it
        // appear (a line of "---" behind a null character).
        if (doc.Content is not { } text || !FrontMatterReader.TrySplit(text, out _))
            return doc;
        var bodyStart = BodyStart(text);
        var first = Unprintable.IndexOf(text, bodyStart);
        if (first < 0)
            return doc;

        var found = 0;
        for (var i = first; i >= 0; i = Unprintable.IndexOf(text, i + 1))
        {
            if (++found > ShownPerFile)
                continue;
            var (line, column) = Unprintable.Position(text, i);
            context.Warning(DiagnosticCodes.UnprintableBody, doc.At(line, column),
                $"contains {Unprintable.Describe(text, i)}, which is left out of the page; delete it or type a space");
        }

        if (found > ShownPerFile)
        {
            context.Warning(DiagnosticCodes.UnprintableBody, doc.At(),
                $"{(found - ShownPerFile).ToString(CultureInfo.InvariantCulture)} more unprintable characters are left out of the page");
        }

        return doc with { Content = text[..bodyStart] + Unprintable.Strip(text[bodyStart..]) };
    }

    /// Where the Markdown after the front matter starts.
    private static int BodyStart(string text)
    {
        if (!FrontMatterReader.TrySplit(text, out var yaml))
            return 0;
        var closing = text.IndexOf('\n') + 1 + yaml.Length;
        var end = text.IndexOf('\n', closing);
        return end < 0 ? text.Length : end + 1;
    }
}
