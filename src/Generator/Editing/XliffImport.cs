using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Generator.Content;
using Generator.Engine;
using Generator.Site;

namespace Generator.Editing;

/// `translations import`: writes each &lt;file&gt; of an XLIFF 2.0 document back as the
/// translation of its original. The body is the original's, each block's words replaced by
/// the unit's target (so list markers, tables, code and blank lines stay as they are); the
/// front matter is the translation's own (its language-neutral keys and notes kept) with
/// title, summary, series and photo texts set. A unit missing, extra, untranslated, made
/// from an older original, or whose inline codes were changed or put out of order is
/// reported at its XLIFF line, and that file is not written. A target's text outside its
/// codes is escaped: only the codes are Markdown syntax.
public static partial class XliffImport
{
    public sealed record Outcome(IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Problems);

    public static Outcome Apply(string xliffFile, string xliffDisplay, IReadOnlyList<Document> pages, SiteConfig site, string inputFolder)
    {
        var problems = new List<Diagnostic>();
        void Problem(IXmlLineInfo? at, string message) => problems.Add(new Diagnostic(DiagnosticCodes.XliffProblem, Severity.Error,
            new SourcePosition(xliffDisplay, at?.HasLineInfo() == true ? at.LineNumber : 1, at?.HasLineInfo() == true ? at.LinePosition : 1), message));

        XDocument document;
        try
        {
            document = XDocument.Load(xliffFile, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            problems.Add(new Diagnostic(DiagnosticCodes.XliffProblem, Severity.Error, new SourcePosition(xliffDisplay, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)), $"not well-formed XML: {e.Message}"));
            return new Outcome([], problems);
        }

        var x = XliffExport.Xliff;
        var root = document.Root!;
        var target = (string?)root.Attribute("trgLang");
        if (root.Name != x + "xliff" || (string?)root.Attribute("version") != "2.0")
        {
            Problem(root, $"not an XLIFF 2.0 document: the root must be <xliff version=\"2.0\" xmlns=\"{x.NamespaceName}\">");
            return new Outcome([], problems);
        }

        if (target is null || target == site.DefaultLanguage || site.Find(target) is null)
        {
            Problem(root, $"trgLang must be one of the site's translation languages ({string.Join(", ", site.Languages.Select(l => l.Code).Where(c => c != site.DefaultLanguage))}), got '{target}'");
            return new Outcome([], problems);
        }

        var written = new List<string>();
        foreach (var file in root.Elements(x + "file"))
        {
            var before = problems.Count;
            var originalPath = (string?)file.Attribute("original");
            var original = pages.FirstOrDefault(p => p.Source == originalPath && p.Get<string>(Keys.Lang) == site.DefaultLanguage);
            if (original is null)
            {
                Problem(file, $"original=\"{originalPath}\" is not a page in the default language ({site.DefaultLanguage}); export the file again");
                continue;
            }

            var blocks = TranslationBlocks.Of(original.Require<FrontMatter>(Keys.FrontMatter), original.Get<string>(Keys.Markdown) ?? "");
            var units = XliffExport.Units(blocks).ToDictionary(u => u.Id, u => u.Block, StringComparer.Ordinal);
            var translated = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var unit in file.Elements(x + "unit"))
            {
                var id = (string?)unit.Attribute("id") ?? "";
                if (!units.TryGetValue(id, out var block))
                {
                    Problem(unit, $"unit '{id}' is extra: {originalPath} has no such block now; export the file again");
                    continue;
                }

                var data = unit.Element(x + "originalData")?.Elements(x + "data")
                    .ToDictionary(d => (string?)d.Attribute("id") ?? "", d => d.Value, StringComparer.Ordinal) ?? [];
                var segment = unit.Element(x + "segment");
                var source = segment?.Element(x + "source");
                var text = segment?.Element(x + "target");
                if (source is null || Spaces().Replace(Text(source, data), " ").Trim() != block.Text)
                {
                    Problem((IXmlLineInfo?)source ?? unit, $"unit '{id}' was made from another version of {originalPath} (its {block.Name} at line {block.Line} reads differently now); export the file again");
                    continue;
                }

                if (text is null || string.IsNullOrWhiteSpace(text.Value) && !text.Elements().Any())
                {
                    Problem(unit, $"unit '{id}' has no <target>: translate \"{Shorten(block.Text)}\"");
                    continue;
                }

                var expected = Codes(source);
                var actual = Codes(text);
                if (!expected.SequenceEqual(actual.Order(StringComparer.Ordinal)))
                {
                    var missing = expected.Except(actual).Select(c => $"{c} ({Show(data, source, c)})");
                    var extra = actual.Except(expected);
                    Problem(text, $"unit '{id}': the inline codes were changed ({string.Join("; ", new[] { missing.Any() ? "missing " + string.Join(", ", missing) : "", extra.Any() ? "extra " + string.Join(", ", extra) : "", !missing.Any() && !extra.Any() ? "a code is repeated or dropped" : "" }.Where(s => s.Length > 0))}); "
                        + "keep every <ph> of the source in the target, moved where the sentence needs it");
                    continue;
                }

                if (XliffCodeOrder.Check(source, text, data) is { } order)
                {
                    Problem(order.Code, $"unit '{id}': the inline codes are out of order: {order.Problem}; "
                        + "keep each pair of codes in the source's order around the words they mark");
                    continue;
                }

                // A link to a page of the original's language points to its translation:
                // /en/topics/… becomes /ja/topics/… (relative links need no change).
                var retargeted = data.ToDictionary(d => d.Key, d => d.Value.Replace($"](/{site.DefaultLanguage}/", $"](/{target}/", StringComparison.Ordinal), StringComparer.Ordinal);
                translated[id] = Spaces().Replace(Text(text, retargeted, escape: !block.IsField), " ").Trim();
            }

            foreach (var missing in units.Keys.Where(id => !file.Elements(x + "unit").Any(u => (string?)u.Attribute("id") == id)))
                Problem(file, $"unit '{missing}' is missing: {originalPath}'s {units[missing].Name} at line {units[missing].Line} (\"{Shorten(units[missing].Text)}\") has no unit; export the file again");
            if (problems.Count > before)
                continue;

            var existing = pages.FirstOrDefault(p => p.Get<string>(Keys.Lang) == target && p.Get<string>(Keys.TranslationKey) == original.Get<string>(Keys.TranslationKey) && p.SourceFile is not null);
            var relative = original.Require<string>(Engine.Modules.ReadFiles.RelativePathKey);
            var path = existing?.SourceFile ?? Path.Combine(inputFolder, target, relative[(relative.IndexOf('/') + 1)..]);
            var units2 = XliffExport.Units(blocks);
            File.WriteAllText(path, Compose(original.Get<string>(Keys.Markdown) ?? "", existing is null ? null : File.ReadAllText(existing.SourceFile!), units2, translated), new UTF8Encoding(false));
            written.Add(path);
        }

        return new Outcome(written, problems);
    }

    /// The translation file: its own front matter (or a new one) with the texts set, then
    /// the original's body with each block's words replaced.
    private static string Compose(string originalFile, string? translationFile, IReadOnlyList<(string Id, TranslationBlock Block)> units, IReadOnlyDictionary<string, string> translated)
    {
        var original = originalFile.Replace("\r\n", "\n");
        var body = new StringBuilder(original);
        foreach (var (id, block) in units.Where(u => !u.Block.IsField && u.Block.Start >= 0).OrderByDescending(u => u.Block.Start))
            body.Remove(block.Start, block.Length).Insert(block.Start, translated[id]);
        var bodyText = TranslationFingerprint.Body(body.ToString());

        FrontMatterReader.TrySplit(original, out var originalYaml);
        var yaml = translationFile is not null && FrontMatterReader.TrySplit(translationFile.Replace("\r\n", "\n"), out var own) ? own : "";
        var lines = yaml.Split('\n').Where((l, i) => i < yaml.Split('\n').Length - 1 || l.Length > 0).ToList();
        var fields = units.Where(u => u.Block.IsField).ToDictionary(u => u.Block.Kind, u => translated[u.Id], StringComparer.Ordinal);
        foreach (var key in new[] { "title", "summary", "series" })
        {
            if (fields.TryGetValue(key, out var value))
                SetTopLevel(lines, key, value);
        }

        if (fields.Keys.Any(k => k.StartsWith("images[", StringComparison.Ordinal)))
        {
            if (!lines.Any(l => l.StartsWith("images:", StringComparison.Ordinal)))
                lines.AddRange(TopLevelBlock(originalYaml.Split('\n').ToList(), "images"));
            SetImageTexts(lines, fields);
        }

        return "---\n" + string.Join("\n", lines).TrimEnd('\n') + "\n---\n" + bodyText;
    }

    private static void SetTopLevel(List<string> lines, string key, string value)
    {
        var line = $"{key}: {Quote(value)}";
        var at = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (at < 0)
        {
            lines.Insert(Math.Min(lines.Count, key == "title" ? 0 : lines.Count), line);
            return;
        }

        lines[at] = line;
        while (at + 1 < lines.Count && lines[at + 1].StartsWith(' ')) // a multi-line value's rest
            lines.RemoveAt(at + 1);
    }

    private static List<string> TopLevelBlock(List<string> lines, string key)
    {
        var start = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (start < 0)
            return [];
        var end = start + 1;
        while (end < lines.Count && (lines[end].StartsWith(' ') || lines[end].StartsWith('-') || lines[end].Length == 0))
            end++;
        return lines[start..end];
    }

    /// Sets alt, caption and credit of each entry of the images list, by its index.
    private static void SetImageTexts(List<string> lines, IReadOnlyDictionary<string, string> fields)
    {
        var start = lines.FindIndex(l => l.StartsWith("images:", StringComparison.Ordinal));
        var index = -1;
        for (var i = start + 1; i < lines.Count && (lines[i].StartsWith(' ') || lines[i].StartsWith('-') || lines[i].Length == 0); i++)
        {
            if (ImageLine().Match(lines[i]) is not { Success: true } match)
                continue;
            if (match.Groups["dash"].Success)
                index++;
            if (fields.TryGetValue($"images[{index}].{match.Groups["key"].Value}", out var value))
                lines[i] = match.Groups["lead"].Value + match.Groups["key"].Value + ": " + Quote(value);
        }
    }

    /// The text of a source or target with each &lt;ph&gt; replaced by its original data.
    /// With <paramref name="escape"/> (a body block's target), the text outside the codes is
    /// escaped so that it stays literal text in the Markdown: only the codes are syntax, so a
    /// target's <c>&lt;script&gt;</c>, <c>**</c> or <c>[x](javascript:…)</c> is shown as written.
    private static string Text(XElement element, IReadOnlyDictionary<string, string> data, bool escape = false, StringBuilder? text = null)
    {
        text ??= new StringBuilder();
        foreach (var node in element.Nodes())
        {
            if (node is XText plain)
                text.Append(escape ? Escape(plain.Value, atStart: text.ToString().Trim().Length == 0) : plain.Value);
            else if (node is XElement { Name.LocalName: "ph" } ph && data.TryGetValue((string?)ph.Attribute("dataRef") ?? "", out var code))
                text.Append(code);
            else if (node is XElement other)
                Text(other, data, escape, text);
        }

        return text.ToString();
    }

    /// Backslash-escapes what Markdown would read as inline syntax (CommonMark lets any ASCII
    /// punctuation be escaped), and at the start of a block what would start another block
    /// (a heading's '#', a list marker, a quote, a setext underline).
    private static string Escape(string value, bool atStart)
    {
        var escaped = InlineSyntax().Replace(value, @"\$0");
        if (!atStart)
            return escaped;
        var lead = escaped.Length - escaped.TrimStart().Length;
        var rest = escaped[lead..];
        if (rest.Length > 0 && rest[0] is '#' or '+' or '-' or '=')
            return escaped.Insert(lead, "\\");
        return OrderedMarker().Replace(escaped, @"$1\$2", 1);
    }

    [GeneratedRegex(@"[\\`*_\[\]<>&~|{}]")]
    private static partial Regex InlineSyntax();

    [GeneratedRegex(@"^(\s*\d{1,9})([.)])")]
    private static partial Regex OrderedMarker();

    private static List<string> Codes(XElement element) =>
        [.. element.Descendants(XliffExport.Xliff + "ph").Select(p => (string?)p.Attribute("id") ?? "").Order(StringComparer.Ordinal)];

    private static string Show(IReadOnlyDictionary<string, string> data, XElement source, string id) =>
        source.Descendants(XliffExport.Xliff + "ph").FirstOrDefault(p => (string?)p.Attribute("id") == id) is { } ph
        && data.TryGetValue((string?)ph.Attribute("dataRef") ?? "", out var code) ? code : "?";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<lead>(?<dash>\s*-\s+)?\s*)(?<key>src|alt|caption|credit):")]
    private static partial Regex ImageLine();
}
