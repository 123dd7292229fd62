using System.Text.RegularExpressions;
using Generator.Engine;
using Generator.Site;

namespace Generator.Editing;

/// `new page`: a plain page (not a topic) in every language, as a draft. Never overwrites.
public static partial class PageScaffold
{
    public static (IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Problems) Create(
        string inputFolder, string displayRoot, SiteConfig site, string path, string? title)
    {
        var relative = path.Replace('\\', '/').Trim('/');
        if (relative.EndsWith(".md", StringComparison.Ordinal))
            relative = relative[..^3];
        if (!PagePath().IsMatch(relative) || relative.Split('/')[0] is "topics" or "tags" or "search" or "assets")
        {
            return ([], [new Diagnostic(DiagnosticCodes.ScaffoldExists, Severity.Error, null,
                $"'{path}' is not a usable page path; use lowercase letters, digits and hyphens in folders and a name, such as about or policies/privacy (topics are made with 'new topic')")]);
        }

        var heading = title ?? TopicScaffold.TitleFrom(relative.Split('/')[^1]);
        var files = site.Languages.Select(l => (Lang: l.Code, Path: Path.Combine([inputFolder, l.Code, .. relative.Split('/')]) + ".md")).ToList();
        return TopicScaffold.Write(files, displayRoot, "--path", file => $"""
            ---
            title: {TopicScaffold.Quote(heading)}
            draft: true
            ---

            {(file.Lang == site.DefaultLanguage ? ScaffoldText.PageBody : $"{ScaffoldText.TranslateBody} ({file.Lang}).")}

            """);
    }

    [GeneratedRegex("^([a-z0-9]+(-[a-z0-9]+)*/)*[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PagePath();
}
