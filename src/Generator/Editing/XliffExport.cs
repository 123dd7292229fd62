using System.Text;
using System.Xml;
using System.Xml.Linq;
using Generator.Content;
using Generator.Engine;

namespace Generator.Editing;

/// `translations export`: the originals' text units as one XLIFF 2.0 document for a
/// translation vendor. One &lt;file&gt; per original (its path in <c>original</c>), one
/// &lt;unit&gt; per translatable block: the front matter's title, summary, series and photo
/// texts, then every heading, paragraph, list item, table row and figure of the body (code
/// and HTML blocks are carried over untranslated). Inline Markdown syntax is an inline code
/// (&lt;ph&gt; with its text in &lt;originalData&gt;), so a tool cannot break a link target.
public static class XliffExport
{
    public static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:2.0";

    /// The unit id of each translatable block of a page, in order: the field's kind with
    /// '.' for brackets (images.0.caption), or b1, b2, … for the body.
    public static IReadOnlyList<(string Id, TranslationBlock Block)> Units(IReadOnlyList<TranslationBlock> blocks)
    {
        var units = new List<(string, TranslationBlock)>();
        var body = 0;
        foreach (var block in blocks.Where(b => b.IsTranslatable))
            units.Add((block.IsField ? block.Kind.Replace("[", ".").Replace("]", "") : $"b{++body}", block));
        return units;
    }

    public static string Write(IReadOnlyList<Document> originals, string sourceLanguage, string targetLanguage)
    {
        var root = new XElement(Xliff + "xliff",
            new XAttribute("version", "2.0"), new XAttribute("srcLang", sourceLanguage), new XAttribute("trgLang", targetLanguage));
        var fileNumber = 0;
        foreach (var original in originals)
        {
            var blocks = TranslationBlocks.Of(original.Require<FrontMatter>(Keys.FrontMatter), original.Get<string>(Keys.Markdown) ?? "");
            var file = new XElement(Xliff + "file", new XAttribute("id", $"f{++fileNumber}"), new XAttribute("original", original.Source!));
            foreach (var (id, block) in Units(blocks))
                file.Add(Unit(id, block));
            root.Add(file);
        }

        Indent(root, 0);
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = false, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
            new XDocument(root).Save(writer);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text.ToString().Replace("\r\n", "\n") + "\n";
    }

    /// Line breaks and indentation between the structural elements only: XmlWriter's own
    /// indenting would add white space inside a source that starts with an inline code.
    private static void Indent(XElement element, int depth)
    {
        if (element.Name.LocalName is "source" or "target" or "data")
            return;
        var children = element.Elements().ToList();
        if (children.Count == 0)
            return;
        foreach (var child in children)
        {
            child.AddBeforeSelf(new XText("\n" + new string(' ', 2 * (depth + 1))));
            Indent(child, depth + 1);
        }

        element.Add(new XText("\n" + new string(' ', 2 * depth)));
    }

    private static XElement Unit(string id, TranslationBlock block)
    {
        var unit = new XElement(Xliff + "unit", new XAttribute("id", id), new XAttribute("name", block.Kind));
        var data = new XElement(Xliff + "originalData");
        // Its white space is the text's: a tool must not reflow it.
        var source = new XElement(Xliff + "source", new XAttribute(XNamespace.Xml + "space", "preserve"));
        var code = 0;
        foreach (var piece in InlineCodes.Split(block.Text))
        {
            if (!piece.IsCode)
            {
                source.Add(new XText(piece.Text));
                continue;
            }

            code++;
            data.Add(new XElement(Xliff + "data", new XAttribute("id", $"d{code}"), new XText(piece.Text)));
            source.Add(new XElement(Xliff + "ph", new XAttribute("id", code), new XAttribute("dataRef", $"d{code}"), new XAttribute("disp", piece.Text)));
        }

        if (code > 0)
            unit.Add(data);
        unit.Add(new XElement(Xliff + "segment", new XAttribute("state", "initial"), source));
        return unit;
    }
}
