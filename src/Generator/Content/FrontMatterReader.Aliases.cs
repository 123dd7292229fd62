using System.Collections.Immutable;
using Generator.Engine;
using Generator.Site;

namespace Generator.Content;

public sealed partial class FrontMatterReader
{
    /// `aliases:` (issue 20): the page's old addresses, site paths such as
    /// /en/topics/2021/old-name/ (the base path is added when the redirect is written). A
    /// folder address without its last '/' gets one, as the published page had.
    private static ImmutableArray<AliasEntry> Aliases(ValueReader reader, YamlText yaml)
    {
        var aliases = ImmutableArray.CreateBuilder<AliasEntry>();
        foreach (var (text, node) in reader.TextList("a list of old addresses such as [/en/topics/2021/old-name/]"))
        {
            if (AliasProblem(text) is { } problem)
            {
                reader.Report(DiagnosticCodes.InvalidAlias, node, $"alias \"{text}\" {problem}");
                continue;
            }

            aliases.Add(new AliasEntry(Normalize(text), yaml.At(node)));
        }

        return aliases.ToImmutable();
    }

    private static string? AliasProblem(string alias)
    {
        if (SitePaths.IsExternal(alias))
            return "is an address on another site; an alias is an old address of this site, such as /en/topics/2021/old-name/";
        if (!alias.StartsWith('/') || alias.StartsWith("//", StringComparison.Ordinal))
            return $"must start with '/' (an address of this site without its base path), such as /{alias.TrimStart('/')}";
        // A %-escape would be written to disk as it is (a folder named "old%20page"), which no
        // request reaches: the address is written with its characters, as the page's own is.
        if (alias.Contains('%'))
        {
            var decoded = Uri.UnescapeDataString(alias);
            return decoded == alias || decoded.Contains('%')
                ? "must be written with its characters, not %-escapes (/ja/topics/2021/古い/, not /ja/topics/2021/%E5%8F%A4%E3%81%84/)"
                : AliasProblem(decoded) is { } problem
                    ? $"must be written with its characters, not %-escapes; unescaped it is \"{decoded}\", which {problem}"
                    : $"must be written with its characters, not %-escapes: write \"{decoded}\"";
        }
        if (alias.IndexOfAny(['?', '#', '\\', '"', '<', '>', ' ']) >= 0)
            return "must be a plain path: no '?', '#', '\\', quotes, angle brackets or spaces";
        var segments = alias.Trim('/').Split('/');
        if (alias == "/" || segments.Any(s => s is "." or ".." || s.Length == 0))
            return alias == "/" ? "is the site's root (the language chooser), which cannot move" : "must not contain '.', '..' or '//' segments";
        return null;
    }

    private static string Normalize(string alias) =>
        alias.EndsWith('/') || System.IO.Path.HasExtension(alias.AsSpan(alias.LastIndexOf('/'))) ? alias : alias + "/";
}
