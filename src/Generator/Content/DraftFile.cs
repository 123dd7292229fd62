using Generator.Engine;
using Generator.Site;

namespace Generator.Content;

/// A page's Markdown file that says `draft: true`. A build without drafts leaves such a page
/// out before links and translations are checked, so what points at it is told from its
/// file (issue 14: "no page at …, add the file" for a file that is there). Read through the
/// context: a session checks again when the file appears, changes or goes.
public static class DraftFile
{
    private static readonly FrontMatterReader Reader = new(Taxonomy.Empty);

    /// The first of <paramref name="relatives"/> (input-relative: en/topics/2022/x.md) that
    /// exists and is a draft, or null.
    public static string? Find(string inputFolder, IEnumerable<string> relatives, BuildContext context)
    {
        foreach (var relative in relatives)
        {
            var path = Path.Combine(inputFolder, relative);
            context.DependOnFile(path);
            if (File.Exists(path) && context.ReadFile(path, "DraftFile.IsDraft", IsDraft))
                return relative;
        }

        return null;
    }

    /// The files a page at <paramref name="sitePath"/> (/en/topics/2022/x/, with or without its slash) is made from.
    public static IEnumerable<string> Behind(string sitePath)
    {
        var path = sitePath.Trim('/');
        if (path.Length == 0)
            return [];
        return path.Contains('/') ? [path + ".md", path + "/index.md"] : [path + "/index.md"];
    }

    /// <paramref name="relative"/> (input-relative) shown the way <paramref name="page"/>'s own path is (input/en/…).
    public static string Shown(Document page, string relative)
    {
        var own = page.Require<string>(Engine.Modules.ReadFiles.RelativePathKey);
        var source = page.Source ?? own;
        return (source.EndsWith(own, StringComparison.Ordinal) ? source[..^own.Length] : "") + relative;
    }

    private static bool IsDraft(string file)
    {
        try
        {
            return Reader.Read(file, File.ReadAllText(file), PageKind.Page, new List<Diagnostic>()).Draft;
        }
        catch (IOException)
        {
            return false; // its own read reports it
        }
    }
}
