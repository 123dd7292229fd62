using System.Xml;
using Generator.Engine;
using Generator.Engine.Modules;
using Generator.Site;

namespace Generator.Modules;

/// input/assets/ is published on the site's own origin, and GitHub Pages sends no Content
/// Security Policy, so a file there that a browser runs is stored cross-site scripting
/// (issue 13). Files a browser runs as a page or script (.html, .js, .xml …) are refused
/// unless site.yml lists them in allowed_assets; an SVG is refused, at the line and column,
/// when it holds script, an event handler, a javascript: URL, foreignObject or a reference
/// to anything outside itself. Refused, not rewritten: an editor's file is published as it
/// is or not at all, and the message says what to take out.
public sealed class CheckAssets : DocumentModule
{
    private static readonly string[] Runnable = [".html", ".htm", ".shtml", ".xhtml", ".xht", ".js", ".mjs", ".xml", ".xsl", ".xslt", ".svgz"];
    private static readonly string[] ScriptElements = ["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"];

    protected override Document? Execute(Document doc, BuildContext context)
    {
        var name = "assets/" + doc.Require<string>(ReadFiles.RelativePathKey);
        if (SiteData.Site(context).AllowedAssets.Contains(name))
            return doc;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (Runnable.Contains(extension))
        {
            context.Error(DiagnosticCodes.UnsafeAsset, doc.At(),
                $"is a {extension} file, which a browser may run as a page or script on the site's origin; remove it, " +
                $"or, if the site is meant to publish it as it is, list it in site.yml: allowed_assets: [{name}]");
            return null;
        }

        if (extension != ".svg" || doc.SourceFile is not { } file)
            return doc;
        context.DependOnFile(file); // the document names the file; its bytes are read here
        if (Unsafe(file) is { } problem)
        {
            context.Error(DiagnosticCodes.UnsafeAsset, doc.At(problem.Line, problem.Column), problem.Message);
            return null;
        }

        return doc;
    }

    private sealed record Problem(int Line, int Column, string Message);

    private const string TakeOut = "which would run on the site's origin when the file is opened; take it out, or list the file in site.yml's allowed_assets if it is trusted";

    /// The first thing in the SVG that can run script or fetch something, or null.
    private static Problem? Unsafe(string file)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(file, settings);
            var info = (IXmlLineInfo)reader;
            var inStyle = false;
            while (reader.Read())
            {
                Problem At(string message) => new(info.LineNumber, info.LinePosition, $"this SVG {message}, {TakeOut}");
                switch (reader.NodeType)
                {
                    case XmlNodeType.ProcessingInstruction when reader.Name != "xml":
                        return At($"has a processing instruction <?{reader.Name} …?>, which can load another file");
                    case XmlNodeType.Element:
                        var local = reader.LocalName.ToLowerInvariant();
                        if (ScriptElements.Contains(local))
                            return At($"has a <{reader.LocalName}> element");
                        inStyle = local == "style" && !reader.IsEmptyElement;
                        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                        {
                            if (Attribute(reader.LocalName, reader.Value) is { } message)
                                return At(message);
                        }

                        reader.MoveToElement();
                        break;
                    case XmlNodeType.EndElement:
                        inStyle = false;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when inStyle:
                        if (Style(reader.Value) is { } styleProblem)
                            return At(styleProblem);
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            return new Problem(Math.Max(e.LineNumber, 1), Math.Max(e.LinePosition, 1),
                $"this SVG is not well-formed XML ({e.Message.Split(" Line ")[0].TrimEnd('.', ' ', ',')}), so it cannot be checked for script; " +
                "correct it (browsers refuse it too), or list the file in site.yml's allowed_assets if it is trusted");
        }
        catch (IOException e)
        {
            return new Problem(1, 1, $"this SVG cannot be read ({e.Message}), so it cannot be checked for script");
        }

        return null;
    }

    private static string? Attribute(string name, string value)
    {
        var lower = name.ToLowerInvariant();
        if (lower.StartsWith("on", StringComparison.Ordinal))
            return $"has an event handler attribute '{name}'";
        var squeezed = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        if (squeezed.Contains("javascript:", StringComparison.Ordinal) || squeezed.Contains("vbscript:", StringComparison.Ordinal))
            return $"has a script URL in '{name}'";
        if (lower is "href" or "src" && !InternalReference(squeezed))
            return $"refers to '{value.Trim()}' outside itself in '{name}'";
        return lower == "style" ? Style(value) : null;
    }

    /// A fragment of the same file ("#gradient") or an embedded raster image.
    private static bool InternalReference(string squeezed) =>
        squeezed.Length == 0 || squeezed.StartsWith('#')
        || squeezed.StartsWith("data:image/png", StringComparison.Ordinal)
        || squeezed.StartsWith("data:image/jpeg", StringComparison.Ordinal)
        || squeezed.StartsWith("data:image/gif", StringComparison.Ordinal)
        || squeezed.StartsWith("data:image/webp", StringComparison.Ordinal);

    /// CSS that loads something: @import, or url(…) that is not a fragment of the file.
    private static string? Style(string css)
    {
        var squeezed = new string([.. css.Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);
        if (squeezed.Contains("@import", StringComparison.Ordinal))
            return "has a style with @import";
        for (var i = squeezed.IndexOf("url(", StringComparison.Ordinal); i >= 0; i = squeezed.IndexOf("url(", i + 4, StringComparison.Ordinal))
        {
            var target = squeezed[(i + 4)..].TrimStart('\'', '"');
            if (!InternalReference(target))
                return "has a style that loads a url(…) outside itself";
        }

        if (squeezed.Contains("javascript:", StringComparison.Ordinal) || squeezed.Contains("expression(", StringComparison.Ordinal))
            return "has a style with a script URL";
        return null;
    }
}
